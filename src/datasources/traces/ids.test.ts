import { base64ToHex, isAbsentId, normalizeHexId, normalizeOtlpId } from './ids';
import { nanosToMicros, toMicros } from './time';

describe('ids', () => {
  it('decodes base64 (padded, unpadded, URL-safe) to hex', () => {
    expect(base64ToHex('AAAAAAAAALQ=')).toBe('00000000000000b4');
    expect(base64ToHex('AAAAAAAAALQ')).toBe('00000000000000b4');
    expect(base64ToHex('W47/95gDgQPSabYzgT/HAA==')).toBe('5b8efff798038103d269b633813fc700');
    expect(base64ToHex('W47_95gDgQPSabYzgT_HAA')).toBe('5b8efff798038103d269b633813fc700');
    expect(base64ToHex('not base64!')).toBeNull();
    expect(base64ToHex('')).toBeNull();
  });

  it('normalises OTLP ids from hex or base64 and refuses other shapes', () => {
    expect(normalizeOtlpId('EEE19B7EC3C1B174')).toBe('eee19b7ec3c1b174');
    expect(normalizeOtlpId('5B8EFFF798038103D269B633813FC60C')).toBe(
      '5b8efff798038103d269b633813fc60c',
    );
    expect(normalizeOtlpId('Sc130fnc2TY=')).toBe('49cd77d1f9dcd936');
    expect(normalizeOtlpId('O6VWCcPN5JZJzXfR+dzZNg==')).toBe('3ba55609c3cde49649cd77d1f9dcd936');
    expect(normalizeOtlpId('abc')).toBeNull();
    expect(normalizeOtlpId('AAAA')).toBeNull();
  });

  it('lowercases hex Jaeger ids and keeps other ids as sent', () => {
    expect(normalizeHexId('00AB')).toBe('00ab');
    expect(normalizeHexId('span-1')).toBe('span-1');
    expect(normalizeHexId('Span-1')).toBe('Span-1');
  });

  it('treats empty and all-zero parent ids as absent', () => {
    expect([null, undefined, '', '0000000000000000'].map(isAbsentId)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(isAbsentId('00000000000000b4')).toBe(false);
  });
});

describe('time', () => {
  it('converts int64 nanoseconds to microseconds without losing digits', () => {
    expect(nanosToMicros('1706678909209712999')).toBe(1706678909209712);
    expect(nanosToMicros('1485467191639875000')).toBe(1485467191639875);
    expect(nanosToMicros('999')).toBe(0);
    expect(nanosToMicros(1_500_000)).toBe(1500);
    expect(nanosToMicros('-5000')).toBe(-5);
  });

  it('reads microseconds given as numbers or text', () => {
    expect(toMicros(1485467191639875)).toBe(1485467191639875);
    expect(toMicros('1485467191639875')).toBe(1485467191639875);
  });
});
