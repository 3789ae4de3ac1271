/** The check behind each rule id: the type makes a rule without a check (or a check without a rule) a compile error. */
import type { Check } from '../finding';
import type { RuleId } from '../rules';
import * as contact from './contact';
import * as coverage from './coverage';
import * as figures from './figures';
import * as header from './header';
import * as intl from './international';
import * as limits from './limits';
import * as movement from './movement';
import * as sections from './sections';
import * as targets from './targets';

export const CHECKS: { readonly [K in RuleId]: Check } = {
  'header.unitUnknown': header.unitUnknown,
  'header.unitYear': header.unitYear,
  'header.year': header.year,
  'header.quarterMissing': header.quarterMissing,
  'header.quarterInvalid': header.quarterInvalid,
  'meta.versionMissing': limits.versionMissing,
  'contact.missing': contact.missing,
  'contact.email': contact.email,
  'contact.phone': contact.phone,
  'figure.excelError': figures.excelError,
  'figure.notANumber': figures.notANumber,
  'figure.outOfRange': figures.outOfRange,
  'figure.ambiguousUnit': figures.ambiguousUnit,
  'figure.deferred': figures.deferred,
  'figure.missing': coverage.missing,
  'figure.noDataReason': coverage.noDataWithoutReason,
  'figure.noData': coverage.noData,
  'figure.laterQuarter': coverage.laterQuarter,
  'figure.earlierMissing': coverage.earlierMissing,
  'figure.stillProvisional': coverage.stillProvisional,
  'figure.jump': movement.jump,
  'target.belowYear': targets.belowYear,
  'target.behindPath': targets.behindPath,
  'target.below2025': targets.below2025,
  'dynamic.noRemedy': targets.noRemedy,
  'dynamic.farAbove': targets.farAbove,
  'intl.missing': intl.missing,
  'intl.noSource': intl.noSource,
  'intl.noYear': intl.noYear,
  'intl.sectionMissing': intl.sectionMissing,
  'section.required': sections.required,
  'text.tooLong': limits.textTooLong,
  'text.justificationTooLong': limits.justificationTooLong,
  'text.badCharacter': limits.textBadCharacter,
};
