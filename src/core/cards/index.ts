export type { Card, CardKind } from './types';
export { allDetails, buildCards, fixFirst, cardsOfTable, PATTERN_MIN_ROWS, ROLLUP_MIN_TABLES } from './build';
export { PRIORITY_GROUPS, ruleGroup, priorityOf } from './priority';
export { withoutAddress, addressList, rowList } from './text';
