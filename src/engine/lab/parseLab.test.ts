import { describe, expect, it } from 'vitest';
import { LabFileError, parseLab } from './parseLab';

const FILE = 'labs/09-x/lab.yaml';

function error(text: string): string {
  try {
    parseLab(FILE, text);
  } catch (e) {
    expect(e).toBeInstanceOf(LabFileError);
    return (e as Error).message;
  }
  throw new Error('parsed without error');
}

describe('parseLab', () => {
  it('reads title, summary, steps with commands and checks; the id is the folder', () => {
    const lab = parseLab(
      FILE,
      [
        'title: T',
        'summary: S',
        'steps:',
        '  - title: One',
        '    text: Do it.',
        '    commands: [kubectl get svc]',
        '    check:',
        "      - run: kubectl get svc web -o jsonpath='{.spec.type}'",
        '        expect: NodePort',
        '        hint: Expose it as a NodePort.',
        '      - run: kubectl get pods',
        '        match: ^web-',
        '      - run: kubectl get deploy web',
        '  - title: Two',
      ].join('\n'),
    );
    expect(lab).toEqual({
      id: '09-x',
      title: 'T',
      summary: 'S',
      steps: [
        {
          title: 'One',
          text: 'Do it.',
          commands: ['kubectl get svc'],
          checks: [
            { run: "kubectl get svc web -o jsonpath='{.spec.type}'", expect: 'NodePort', hint: 'Expose it as a NodePort.' },
            { run: 'kubectl get pods', match: '^web-' },
            { run: 'kubectl get deploy web' },
          ],
        },
        { title: 'Two', text: '', commands: [], checks: [] },
      ],
    });
  });

  it('takes a number or boolean in expect as the text the YAML spells', () => {
    const lab = parseLab(FILE, 'title: T\nsteps:\n  - title: A\n    check:\n      - run: x\n        expect: 1.10\n      - run: y\n        expect: 3\n');
    expect(lab.steps[0]!.checks.map((c) => c.expect)).toEqual(['1.10', '3']);
  });

  it('reports YAML syntax errors with file, line and column', () => {
    expect(error('title: T\nsteps:\n  - title: A\n    text: B: c\n')).toBe('labs/09-x/lab.yaml:4:11: Nested mappings are not allowed in compact mappings');
    expect(error('title: T\nsteps:\n\t- title: A\n')).toBe('labs/09-x/lab.yaml:3:1: Tabs are not allowed as indentation');
    expect(error('title: T\ntitle: U\nsteps: []\n')).toBe('labs/09-x/lab.yaml:2:1: Map keys must be unique');
  });

  it('names the wrong field and where it is', () => {
    expect(error('summary: S\nsteps:\n  - title: A\n')).toBe('labs/09-x/lab.yaml:1:1: title: is required');
    expect(error('title: T\nsteps: []\n')).toBe('labs/09-x/lab.yaml:2:8: steps: a lab needs a list of one or more steps');
    expect(error('title: T\nsteps:\n  - title: A\n    comands: [ls]\n')).toBe(
      'labs/09-x/lab.yaml:4:5: steps[0].comands: unknown field (expected one of title, text, commands, check)',
    );
    expect(error('title: T\nsteps:\n  - title: A\n    check:\n      run: ls\n')).toBe('labs/09-x/lab.yaml:5:7: steps[0].check: must be a list of checks (- run: COMMAND)');
    expect(error('title: T\nsteps:\n  - title: A\n    check:\n      - expect: x\n')).toBe('labs/09-x/lab.yaml:5:9: steps[0].check[0].run: is required');
    expect(error('title: T\nsteps:\n  - title: A\n    check:\n      - run: ls\n        expect: [a]\n')).toBe(
      'labs/09-x/lab.yaml:6:17: steps[0].check[0].expect: must be text (quote it)',
    );
    expect(error('title: T\nsteps:\n  - title: A\n    check:\n      - run: ls\n        expect: a\n        match: b\n')).toBe(
      'labs/09-x/lab.yaml:7:16: steps[0].check[0].match: give expect or match, not both',
    );
    expect(error('title: T\nsteps:\n  - title: A\n    check:\n      - run: ls\n        match: "(a"\n')).toMatch(
      /^labs\/09-x\/lab\.yaml:6:16: steps\[0\]\.check\[0\]\.match: not a regular expression: /,
    );
    expect(error('title: T\nsteps:\n  - title: A\n    commands:\n      - 3\n')).toBe('labs/09-x/lab.yaml:5:9: steps[0].commands[0]: must be a command line (text)');
    expect(error('- a\n')).toBe('labs/09-x/lab.yaml:1:1: a lab is a mapping with title, summary and steps');
  });
});
