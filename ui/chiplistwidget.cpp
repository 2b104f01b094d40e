#include "chiplistwidget.h"

#include "flowlayout.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace Gavel::Ui {

ChipListWidget::ChipListWidget(QWidget *parent) : QWidget(parent), m_removeText(tr("Remove “%1”"))
{
    m_flow = new FlowLayout(this);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("chipsEmpty"));
    m_empty->setEnabled(false);
    m_flow->addWidget(m_empty);
}

void ChipListWidget::setEmptyText(const QString &text)
{
    m_empty->setText(text);
}

void ChipListWidget::setChips(const QList<Chip> &chips)
{
    for (QWidget *widget : std::as_const(m_widgets)) {
        m_flow->removeWidget(widget);
        widget->hide();
        widget->deleteLater();
    }
    m_widgets.clear();
    m_chipButtons.clear();
    m_removeButtons.clear();
    m_empty->setVisible(chips.isEmpty());

    // Palette roles only, so the chips read in light and dark themes alike.
    static const QString chipStyle = QStringLiteral(
        "QPushButton { border: 1px solid palette(mid); border-radius: 10px; padding: 2px 10px;"
        " background: palette(button); color: palette(button-text); }"
        " QPushButton:focus { border: 2px solid palette(highlight); }"
        " QPushButton:hover { border-color: palette(highlight); }");
    for (const Chip &chip : chips) {
        auto *holder = new QWidget(this);
        auto *row = new QHBoxLayout(holder);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(0);
        auto *button = new QPushButton(chip.text, holder);
        button->setObjectName(QStringLiteral("chip"));
        button->setToolTip(chip.toolTip);
        button->setStyleSheet(chipStyle);
        button->setCursor(Qt::PointingHandCursor);
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, key = chip.key] { Q_EMIT chipActivated(key); });
        row->addWidget(button);
        m_chipButtons << button;
        if (chip.removable) {
            auto *remove = new QToolButton(holder);
            remove->setObjectName(QStringLiteral("chipRemove"));
            remove->setText(QStringLiteral("×"));
            remove->setAutoRaise(true);
            remove->setToolTip(m_removeText.arg(chip.text));
            remove->setAccessibleName(m_removeText.arg(chip.text));
            remove->setFocusPolicy(Qt::StrongFocus);
            connect(remove, &QToolButton::clicked, this, [this, key = chip.key] { Q_EMIT removeRequested(key); });
            row->addWidget(remove);
            m_removeButtons << remove;
        }
        m_flow->addWidget(holder);
        m_widgets << holder;
    }
    updateGeometry();
}

} // namespace Gavel::Ui
