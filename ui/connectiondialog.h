#pragma once

#include "connectionspec.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ConnectionDialog;
}

namespace Gavel::Ui {

/// Asks for a PostgreSQL server: host, port, database and user. The password is asked
/// for when the server wants one, and is never stored by this dialog.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    void setSpec(const Models::ConnectionSpec &spec);
    Models::ConnectionSpec spec() const;

private:
    void updateOkButton();

    std::unique_ptr<::Ui::ConnectionDialog> m_ui;
};

} // namespace Gavel::Ui
