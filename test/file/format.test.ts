import { formatGeneral, formatNumber, isDateFormat } from '../../src/hosts/file/format';
import { displayText } from '../../src/hosts/file/read';

describe('number formats', () => {
  it.each([
    [0.25, '0%', '25%'],
    [1, '0%', '100%'],
    [0.125, '0.0%', '12.5%'],
    [0.98765, '0.00%', '98.77%'],
    [39, '0.00', '39.00'],
    [20.666, '0.00', '20.67'],
    [1234567.5, '#,##0.00', '1,234,567.50'],
    [1234567, '#,##0', '1,234,567'],
    [355.36, '0.00"万元"', '355.36万元'],
    [-5, '0.00', '-5.00'],
    [-5, '0.00;(0.00)', '(5.00)'],
    [0, '0.00;-0.00;"-"', '-'],
    [3.5, '0.##', '3.5'],
    [3, '0.##', '3'],
    [12, '[Red]0.0', '12.0'],
    [12, '¥#,##0.00', '¥12.00'],
  ])('%p with %p → %p', (n, fmt, want) => {
    expect(formatNumber(n, fmt)).toBe(want);
  });

  it('General avoids float noise', () => {
    expect(formatGeneral(0.1 + 0.2)).toBe('0.3');
    expect(formatGeneral(39)).toBe('39');
    expect(formatGeneral(16.81)).toBe('16.81');
    expect(formatNumber(0.1 + 0.2, undefined)).toBe('0.3');
    expect(formatNumber(0.1 + 0.2, 'General')).toBe('0.3');
  });

  it('dates', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('0.00"万元"')).toBe(false);
    expect(isDateFormat('0%')).toBe(false);
    expect(displayText(new Date(Date.UTC(2025, 2, 31)), 'yyyy-mm-dd')).toBe('2025-03-31');
    expect(displayText(45747, 'yyyy-mm-dd')).toBe('2025-03-31');
  });

  it('never throws on odd formats', () => {
    for (const fmt of ['', '@', 'E+00', '0.00E+00', '"abc"', '[h]:mm', ';;;', '#,##0,,"百万"']) {
      expect(typeof displayText(1234.5, fmt)).toBe('string');
    }
  });
});
