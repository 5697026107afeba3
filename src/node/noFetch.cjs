// Stands in for the fetch modules of citation-js in the bundles: QualSynth never
// downloads anything, so a call that would reach the network fails instead.
'use strict';
function refuse() {
  throw new Error('QualSynth does not download bibliographic data: give it a .bib, .ris or CSL-JSON file.');
}
module.exports = refuse;
module.exports.default = refuse;
