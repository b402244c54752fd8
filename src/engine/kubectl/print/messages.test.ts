import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/types';
import { deleteLine, formatApiError, formatCommandError, noResourcesFound } from './messages';
import { PrintError } from './printErrors';

const dns1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('API errors as kubectl prints them', () => {
  it('NotFound', () => {
    const err = new ApiError(404, 'NotFound', 'services "x" not found', { name: 'x', kind: 'services' });
    expect(formatApiError(err)).toBe('Error from server (NotFound): services "x" not found\n');
  });

  it('AlreadyExists from apply of a file', () => {
    const err = new ApiError(409, 'AlreadyExists', 'services "web" already exists', { name: 'web', kind: 'services' });
    expect(formatApiError(err, { verb: 'creating', source: 'web.yaml' })).toBe(
      'Error from server (AlreadyExists): error when creating "web.yaml": services "web" already exists\n',
    );
  });

  it('Forbidden', () => {
    const msg = 'services is forbidden: User "jane" cannot list resource "services" in API group "" in the namespace "default"';
    expect(formatApiError(new ApiError(403, 'Forbidden', msg))).toBe(`Error from server (Forbidden): ${msg}\n`);
  });

  it('Invalid with one cause', () => {
    const err = new ApiError(422, 'Invalid', 'irrelevant', {
      kind: 'Service',
      name: 'My_Svc',
      causes: [{ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "My_Svc": ${dns1035}` }],
    });
    expect(formatApiError(err)).toBe(`The Service "My_Svc" is invalid: metadata.name: Invalid value: "My_Svc": ${dns1035}\n`);
  });

  it('Invalid with several causes (header ends with ": ", duplicates dropped)', () => {
    const err = new ApiError(422, 'Invalid', 'irrelevant', {
      kind: 'Service',
      name: 'web',
      causes: [
        { reason: 'FieldValueInvalid', field: 'spec.ports[0].port', message: 'Invalid value: 0: must be between 1 and 65535, inclusive' },
        { reason: 'FieldValueDuplicate', field: 'spec.ports[1].name', message: 'Duplicate value: "http"' },
        { reason: 'FieldValueDuplicate', field: 'spec.ports[1].name', message: 'Duplicate value: "http"' },
      ],
    });
    expect(formatApiError(err)).toBe(
      'The Service "web" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[1].name: Duplicate value: "http"\n',
    );
  });

  it('client-side errors get one "error: " prefix and one newline', () => {
    expect(formatCommandError(new PrintError('error parsing jsonpath {.a, unclosed action\n'))).toBe('error: error parsing jsonpath {.a, unclosed action\n');
    expect(formatCommandError('error: already prefixed')).toBe('error: already prefixed\n');
  });
});

describe('outcome lines', () => {
  it('No resources found', () => {
    expect(noResourcesFound('default')).toBe('No resources found in default namespace.\n');
    expect(noResourcesFound('nope')).toBe('No resources found in nope namespace.\n');
    expect(noResourcesFound()).toBe('No resources found\n');
  });

  it.each([
    [{ kind: 'Service', group: '', name: 'web', namespace: 'default' }, 'service "web" deleted from default namespace\n'],
    [{ kind: 'Deployment', group: 'apps', name: 'web', namespace: 'prod' }, 'deployment.apps "web" deleted from prod namespace\n'],
    [{ kind: 'Namespace', group: '', name: 'dev' }, 'namespace "dev" deleted\n'],
    [{ kind: 'Pod', group: '', name: 'jump', namespace: 'dev', force: true }, 'pod "jump" force deleted from dev namespace\n'],
    [{ kind: 'Pod', group: '', name: 'jump', namespace: 'dev', dryRun: 'client' as const }, 'pod "jump" deleted (dry run) from dev namespace\n'],
    [{ kind: 'Service', group: '', name: 'web', namespace: 'default', outputName: true }, 'service/web\n'],
  ])('delete %#', (o, expected) => {
    expect(deleteLine(o)).toBe(expected);
  });
});
