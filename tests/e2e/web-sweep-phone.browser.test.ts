/**
 * Every page of the web app at a phone's 390×844, in English and French, each visit making every
 * check a page must pass (tests/support/page-sweep.ts). The desktop's size is its own file, so that
 * the two sweeps run side by side.
 */
import { describeSweep, PHONE } from '../support/page-sweep.js';

describeSweep(PHONE);
