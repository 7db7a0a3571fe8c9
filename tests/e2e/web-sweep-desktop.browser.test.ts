/**
 * Every page of the web app at a desktop's 1440×900, in English and French, each visit making every
 * check a page must pass (tests/support/page-sweep.ts). The phone's size is its own file, so that
 * the two sweeps run side by side.
 */
import { describeSweep, DESKTOP } from '../support/page-sweep.js';

describeSweep(DESKTOP);
