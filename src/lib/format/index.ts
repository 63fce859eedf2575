export { UNITS, isUnit, type Unit } from './units';
export { formatCount, formatCountOf, formatValue, type FormatValueOptions } from './formatValue';
export { formatDuration } from './duration';
export { clipText, MISSING } from './number';
