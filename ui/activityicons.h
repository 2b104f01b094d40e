#pragma once

#include "eventkind.h"

#include <QIcon>

namespace Gavel::Ui {

/// The icon of each timeline category (resources/icons/activity-*.svg): a white glyph on a
/// mid-tone disc, so that it reads on light and dark palettes; the category's name always
/// accompanies it (tooltip, filter button), never the colour alone.
class ActivityIcons final
{
public:
    /// The category's icon; a neutral one for a value this build does not know.
    static QIcon forCategory(int category);
    static QIcon forCategory(Models::EventCategory category) { return forCategory(static_cast<int>(category)); }
};

} // namespace Gavel::Ui
