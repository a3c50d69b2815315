/**
 * The AWS-managed policies migration 002 seeds, with the documents, ids, versions and dates AWS
 * publishes for them (AWS Managed Policy Reference). Part of that migration: a later change to
 * these policies belongs in a new migration, so every database holds the same rows.
 */
export interface AwsManagedPolicySeed {
  id: string;
  name: string;
  path: string;
  description: string;
  versionId: string;
  versionNumber: number;
  createdAt: number;
  updatedAt: number;
  document: string;
}

const document = (statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicySeed[] = [
  {
    id: 'ANPAIWMBCKSKIEE64ZLYK',
    name: 'AdministratorAccess',
    path: '/',
    description: 'Provides full access to AWS services and resources.',
    versionId: 'v1',
    versionNumber: 1,
    createdAt: Date.UTC(2015, 1, 6, 18, 39, 46),
    updatedAt: Date.UTC(2015, 1, 6, 18, 39, 46),
    document: document([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
  },
  {
    id: 'ANPAJ4L4MM2A7QIEB56MS',
    name: 'IAMUserChangePassword',
    path: '/',
    description: 'Provides the ability for an IAM user to change their own password.',
    versionId: 'v3',
    versionNumber: 3,
    createdAt: Date.UTC(2016, 10, 15, 0, 25),
    updatedAt: Date.UTC(2025, 4, 29, 21, 52),
    document: document([
      {
        Effect: 'Allow',
        Action: ['iam:ChangePassword'],
        Resource: ['arn:aws:iam::*:user/${aws:username}', 'arn:aws:iam::*:user/*/${aws:username}'],
      },
      { Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy'], Resource: '*' },
    ]),
  },
  {
    id: 'ANPAJKSO7NDY4T57MWDSQ',
    name: 'IAMReadOnlyAccess',
    path: '/',
    description: 'Provides read only access to IAM via the AWS Management Console.',
    versionId: 'v4',
    versionNumber: 4,
    createdAt: Date.UTC(2015, 1, 6, 18, 40),
    updatedAt: Date.UTC(2018, 0, 25, 19, 11),
    document: document([
      {
        Effect: 'Allow',
        Action: [
          'iam:GenerateCredentialReport',
          'iam:GenerateServiceLastAccessedDetails',
          'iam:Get*',
          'iam:List*',
          'iam:SimulateCustomPolicy',
          'iam:SimulatePrincipalPolicy',
        ],
        Resource: '*',
      },
    ]),
  },
];
