/**
 * The state of a world: one slice per procedure. Every procedure may read the whole world when it
 * decides (the Council needs to know who is an Ally), and evolves only its own slice.
 */
import type { CollectiveDefenceState } from './collective-defence/types.js';
import type { ConsultationState } from './consultation/types.js';
import type { CouncilState } from './council/types.js';
import type { MembershipState } from './membership/types.js';
import type { StrategyState } from './strategy/types.js';
import type { OperationsState } from './operations/types.js';
import type { PartnershipsState } from './partnerships/types.js';
import type { FundState } from './fund/types.js';
import type { ExercisesState } from './exercises/types.js';
import type { EuState } from './eu/types.js';
import type { ArmsControlState } from './arms-control/types.js';
import type { HumanSecurityState } from './human-security/types.js';

export interface WorldState {
  readonly membership: MembershipState;
  readonly council: CouncilState;
  readonly consultation: ConsultationState;
  readonly collectiveDefence: CollectiveDefenceState;
  readonly strategy: StrategyState;
  readonly operations: OperationsState;
  readonly partnerships: PartnershipsState;
  readonly fund: FundState;
  readonly exercises: ExercisesState;
  readonly eu: EuState;
  readonly armsControl: ArmsControlState;
  readonly humanSecurity: HumanSecurityState;
}
