#pragma once

#include "entitypage.h"

namespace Gavel::Ui {

/// A sale's page: number, title, dates, venue, department, type, status, buyer's premium,
/// specialist and results, and its lots in catalogue order (Enter opens one). Opened from a
/// customer's profile, it says whether the customer registered and marks the lots they bid on
/// or bought.
class SalePage final : public EntityPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SalePage)

public:
    SalePage(Models::Loader &loader, Navigator &navigator, QWidget *parent = nullptr);

    struct Data;

protected:
    void load(const Place &place) override;

private:
    void apply(const Data &data);

    QLabel *m_saleNo = nullptr;
    QLabel *m_starts = nullptr;
    QLabel *m_ends = nullptr;
    QLabel *m_venue = nullptr;
    QLabel *m_department = nullptr;
    QLabel *m_type = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_premium = nullptr;
    QLabel *m_specialist = nullptr;
    QLabel *m_lots = nullptr;
    QLabel *m_sold = nullptr;
    QLabel *m_hammerTotal = nullptr;
    QLabel *m_registration = nullptr;
    QTreeWidget *m_lotTable = nullptr;
};

} // namespace Gavel::Ui
