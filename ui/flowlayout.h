#pragma once

#include <QLayout>
#include <QList>

namespace Gavel::Ui {

/// Lays widgets out left to right and wraps them onto the next line when the width runs out
/// (filter buttons, tag chips), after Qt's Flow Layout example.
class FlowLayout final : public QLayout
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowLayout)

public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    int arrange(const QRect &rect, bool apply) const;
    int spacingOf(Qt::Orientation orientation) const;

    QList<QLayoutItem *> m_items;
};

} // namespace Gavel::Ui
