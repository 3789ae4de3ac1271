/** Checking a return: the rules (rules.ts), their checks (checks/), and validateReturn. */
export { validateReturn, type ValidateOptions } from './validateReturn';
export { RULES, RULE_IDS, fillTemplate, type RuleDefinition, type RuleId } from './rules';
export { CHECKS } from './checks';
export { isEmail, isPhone } from './contact';
export { JUMP_POINTS, FALL_RATIO, FAR_ABOVE_FACTOR, FAR_ABOVE_POINTS, farAboveThreshold } from './thresholds';
