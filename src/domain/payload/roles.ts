/**
 * Who a token belongs to. Apart from api.ts (which builds its zod schemas when loaded) so the
 * command line can name the roles without paying for every API schema on each start.
 */
export const ROLES = ['reporter', 'reviewer', 'aggregator'] as const;
export type RoleName = (typeof ROLES)[number];
