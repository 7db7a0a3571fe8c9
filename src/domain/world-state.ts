/**
 * The state of a world: one slice per procedure. Every procedure may read the whole world when it
 * decides (the Council needs to know who is an Ally), and evolves only its own slice.
 */
import type { CollectiveDefenceState } from './collective-defence/types.js';
import type { ConsultationState } from './consultation/types.js';
import type { CouncilState } from './council/types.js';
import type { MembershipState } from './membership/types.js';
import type { StrategyState } from './strategy/types.js';

export interface WorldState {
  readonly membership: MembershipState;
  readonly council: CouncilState;
  readonly consultation: ConsultationState;
  readonly collectiveDefence: CollectiveDefenceState;
  readonly strategy: StrategyState;
}
