#pragma once

#include "entitypage.h"

namespace Gavel::Ui {

/// An invoice's page (the retail seed's receipt): its attributes on the left (number, customer,
/// sale, status, dates, hammer, buyer's premium, tax, delivery, total, payment) and its lines on
/// the right (lot, description, hammer price, premium, tax, amount; Enter opens the lot).
class InvoicePage final : public EntityPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvoicePage)

public:
    InvoicePage(Models::Loader &loader, Navigator &navigator, QWidget *parent = nullptr);

    struct Data;

protected:
    void load(const Place &place) override;

private:
    void apply(const Data &data);

    QLabel *m_number = nullptr;
    QLabel *m_customer = nullptr;
    QLabel *m_sale = nullptr;
    QLabel *m_venue = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_issued = nullptr;
    QLabel *m_due = nullptr;
    QLabel *m_paid = nullptr;
    QLabel *m_hammer = nullptr;
    QLabel *m_premium = nullptr;
    QLabel *m_tax = nullptr;
    QLabel *m_delivery = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_payment = nullptr;
    QTreeWidget *m_lines = nullptr;
};

} // namespace Gavel::Ui
