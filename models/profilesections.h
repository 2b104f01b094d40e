#pragma once

namespace Gavel::Models {

class ProfileExporter;

/// Adds the computed sections of every feature (validation and eligibility, metrics, RFM,
/// interests, recommendations…) to a profile export. The command line and the window both
/// call this, so their exports agree. Each feature adds its line here.
void addProfileSections(ProfileExporter &exporter);

} // namespace Gavel::Models
