/** The coverage names live in the catalogue (src/messages/coverage-names.ts), shared with the web app. */
export { COVERAGE_AREA_NAMES, COVERAGE_MEASURE_NAMES, COVERAGE_STATUS_NAMES, NOT_MODELLED, NOT_RECORDED } from '../messages/coverage-names.js';
