#pragma once

#include <QStringList>

namespace Gavel::App {

/// `gavel recommend --customer ID [--sale NO] [--top N] [--json]`: the lots of a sale
/// ranked for one customer with Match Score and reasons.
int runRecommend(const QStringList &arguments);

/// `gavel evaluate-recommendations [--sales N] [--k K]`: holds out past sales and compares
/// the recommender with the popularity and department-only baselines.
int runEvaluateRecommendations(const QStringList &arguments);

} // namespace Gavel::App
