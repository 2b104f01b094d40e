#include "customer.h"

namespace Gavel::Models {

QString Customer::displayName() const
{
    const QString name = QString(firstName + u' ' + lastName).trimmed();
    if (!name.isEmpty()) {
        return name;
    }
    if (!company.isEmpty()) {
        return company;
    }
    return customerNo;
}

QString Customer::sortNameFor(const QString &firstName, const QString &lastName, const QString &company)
{
    QString key = QString(lastName + u' ' + firstName).simplified();
    if (key.isEmpty()) {
        key = company.simplified();
    }
    // Decompose and drop the accents so that "Émile" sorts with "Emile".
    const QString decomposed = key.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing) {
            folded += c;
        }
    }
    return folded.toCaseFolded();
}

} // namespace Gavel::Models
