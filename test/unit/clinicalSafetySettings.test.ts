import * as assert from 'node:assert/strict';
import { commandLineLayer, fileLayer, settingsLayer } from '../../src/core/config/configLayers';
import { DEFAULT_CLINICAL_SAFETY, resolveConfig, validationOptionsOf } from '../../src/core/config/resolvedConfig';

describe('clinical safety thresholds: reflect.config.json and changeLog.validation.clinicalSafety through the one configuration', () => {
  it('defaults when neither sets them, and an empty setting means "not set"', () => {
    assert.deepEqual(resolveConfig([settingsLayer({ validation: { clinicalSafety: {} } })]).config.validation.clinicalSafety, DEFAULT_CLINICAL_SAFETY);
  });

  it('merges threshold by threshold: the setting wins where it speaks, the file keeps the rest', () => {
    const file = fileLayer({ validation: { clinicalSafety: { residualRiskThreshold: 3, safetyOfficerOnHazardChange: false } } });
    const settings = settingsLayer({ validation: { clinicalSafety: { safetyOfficerRating: 4, residualRiskThreshold: 1 } } });
    const { config, problems } = resolveConfig([file, settings]);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.validation.clinicalSafety, { residualRiskThreshold: 1, safetyOfficerRating: 4, safetyOfficerOnHazardChange: false });
    const options = validationOptionsOf(config, '2026-12-01');
    assert.equal(options.residualRiskThreshold, 1);
    assert.equal(options.safetyOfficerRating, 4);
    assert.equal(options.safetyOfficerOnHazardChange, false);
  });

  it('a bad setting is reported by its name and leaves the file\'s thresholds in force', () => {
    const file = fileLayer({ validation: { clinicalSafety: { residualRiskThreshold: 3 } } });
    const { config, problems } = resolveConfig([file, settingsLayer({ validation: { clinicalSafety: { safetyOfficerRating: 0 } } }), commandLineLayer({}, {})]);
    assert.equal(config.validation.clinicalSafety.residualRiskThreshold, 3);
    assert.equal(config.validation.clinicalSafety.safetyOfficerRating, 3);
    assert.deepEqual(problems.map((p) => p.message), ['Setting changeLog.validation.clinicalSafety is not used: safetyOfficerRating must be a rating from 1 to 5, not 0.']);
  });
});
