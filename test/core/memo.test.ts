import { memoByObject, memoByRow, memoByString } from '../../src/core/memo';

describe('memoByString', () => {
  test('computes each text once, "no answer" included', () => {
    const calls: string[] = [];
    const f = memoByString((s: string) => {
      calls.push(s);
      return s.startsWith('项目') ? s.length : undefined;
    });
    expect([f('项目名称'), f('其他'), f('项目名称'), f('其他')]).toEqual([4, undefined, 4, undefined]);
    expect(calls).toEqual(['项目名称', '其他']);
  });

  test('a full memo starts again instead of growing', () => {
    let calls = 0;
    const f = memoByString((s: string) => {
      calls++;
      return s.length;
    }, 2);
    f('a');
    f('bb');
    f('ccc'); // full: cleared, then 'ccc' stored
    f('a');
    expect(calls).toBe(4);
    expect(f('ccc')).toBe(3);
    expect(calls).toBe(4);
  });
});

describe('memoByObject', () => {
  test('an undefined answer is computed once too', () => {
    let calls = 0;
    const f = memoByObject((o: { n: number }) => {
      calls++;
      return o.n > 0 ? o.n : undefined;
    });
    const zero = { n: 0 };
    const one = { n: 1 };
    expect([f(zero), f(zero), f(one), f(one)]).toEqual([undefined, undefined, 1, 1]);
    expect(calls).toBe(2);
  });
});

describe('memoByRow', () => {
  test('per view and row', () => {
    let calls = 0;
    const f = memoByRow((view: { rows: boolean[] }, row: number) => {
      calls++;
      return view.rows[row];
    });
    const a = { rows: [true, false] };
    const b = { rows: [false, true] };
    expect([f(a, 0), f(a, 1), f(b, 0), f(b, 1), f(a, 0), f(b, 1)]).toEqual([true, false, false, true, true, true]);
    expect(calls).toBe(4);
  });
});
