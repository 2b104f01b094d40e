#pragma once

#include "entitypage.h"

namespace Gavel::Ui {

/// A lot's page: its sale, number, title, maker, estimate, hammer price and result, and every
/// bid from the highest down. Opened from a customer's profile, that customer's bids are marked
/// in words and in bold, not by colour alone.
class LotPage final : public EntityPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LotPage)

public:
    LotPage(Models::Loader &loader, Navigator &navigator, QWidget *parent = nullptr);

    struct Data;
    /// The column of the bids table that says "This customer".
    static constexpr int kMarkColumn = 5;

protected:
    void load(const Place &place) override;

private:
    void apply(const Data &data);

    QLabel *m_sale = nullptr;
    QLabel *m_lotNo = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_maker = nullptr;
    QLabel *m_medium = nullptr;
    QLabel *m_dimensions = nullptr;
    QLabel *m_date = nullptr;
    QLabel *m_department = nullptr;
    QLabel *m_category = nullptr;
    QLabel *m_estimate = nullptr;
    QLabel *m_hammer = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_bidsSummary = nullptr;
    QTreeWidget *m_bids = nullptr;
};

} // namespace Gavel::Ui
