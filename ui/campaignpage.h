#pragma once

#include "entitypage.h"

class QGroupBox;

namespace Gavel::Ui {

/// A mailing's page: name, channel, category, when it was sent, its audience and control
/// group, and what its recipients did. Opened from a customer's profile, it also shows that
/// customer's part: opens and clicks, or plainly that nothing was sent to them because they
/// were in the control group.
class CampaignPage final : public EntityPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CampaignPage)

public:
    CampaignPage(Models::Loader &loader, Navigator &navigator, QWidget *parent = nullptr);

    struct Data;

protected:
    void load(const Place &place) override;

private:
    void apply(const Data &data);

    QLabel *m_channel = nullptr;
    QLabel *m_category = nullptr;
    QLabel *m_programme = nullptr;
    QLabel *m_subject = nullptr;
    QLabel *m_sent = nullptr;
    QLabel *m_sale = nullptr;
    QLabel *m_department = nullptr;
    QLabel *m_audience = nullptr;
    QLabel *m_control = nullptr;
    QLabel *m_recipients = nullptr;
    QLabel *m_opened = nullptr;
    QLabel *m_clicked = nullptr;
    QLabel *m_unsubscribed = nullptr;
    QLabel *m_bounced = nullptr;
    QGroupBox *m_customerBox = nullptr;
    QLabel *m_customerSummary = nullptr;
    QLabel *m_customerSent = nullptr;
    QLabel *m_customerOpened = nullptr;
    QLabel *m_customerClicked = nullptr;
    QLabel *m_customerUnsubscribed = nullptr;
    QTreeWidget *m_customerEvents = nullptr;
};

} // namespace Gavel::Ui
