#include "legendimport.h"

#include "database.h"
#include "importkind.h"
#include "importresolver.h"
#include "sql.h"

#include <QCoreApplication>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LegendImport", text);
}

enum Field
{
    DepartmentCode,
    DepartmentName,
    CategoryCode,
    CategoryName,
    SubcategoryCode,
    SubcategoryName
};

QString codeFor(const QString &prefix, const QString &name)
{
    QString code = prefix.toLower() + u'-';
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber()) {
            code += c;
        } else if (!code.endsWith(u'-')) {
            code += u'-';
        }
    }
    while (code.endsWith(u'-')) {
        code.chop(1);
    }
    return code;
}

} // namespace

LegendImport::LegendImport(ImportSession &session)
    : m_session(session), m_departments(session.database, QStringLiteral("departments"), false, session.now),
      m_categories(session.database, QStringLiteral("categories"), false, session.now)
{
}

Result<LegendImport::Level> LegendImport::department(const QString &code, const QString &name, qint64 &id)
{
    const QSqlDatabase db = m_session.database.connection();
    auto found = Sql::scalar(db, QStringLiteral("SELECT id FROM departments WHERE code = ?"), {code},
                             tr("looking up the department %1").arg(code));
    if (!found) {
        return found.error();
    }
    QVariantMap values;
    if (!name.isEmpty()) {
        values.insert(QStringLiteral("name"), name);
    }
    if (found->isNull()) {
        auto inserted = Sql::exec(db, QStringLiteral("INSERT INTO departments (code, name) VALUES (?, ?)"),
                                  {code, name.isEmpty() ? code : name}, tr("adding the department %1").arg(code));
        if (!inserted) {
            return inserted.error();
        }
        auto created = Sql::scalar(db, QStringLiteral("SELECT id FROM departments WHERE code = ?"), {code},
                                   tr("adding the department %1").arg(code));
        if (!created) {
            return created.error();
        }
        id = created->toLongLong();
        m_session.resolver.rememberDepartment(code, id);
        if (Status status = m_departments.remember(id, values); !status) {
            return status.error();
        }
        return Level::Created;
    }
    id = found->toLongLong();
    auto before = m_departments.previous(id);
    if (!before) {
        return before.error();
    }
    auto merged = m_departments.merge(id, values, *before);
    if (!merged) {
        return merged.error();
    }
    return *merged == ImportMerger::Change::Updated ? Level::Updated : Level::Unchanged;
}

Result<LegendImport::Level> LegendImport::category(qint64 departmentId, qint64 parentId, const QString &code,
                                                   const QString &name, qint64 &id)
{
    const QSqlDatabase db = m_session.database.connection();
    auto found = Sql::scalar(db, QStringLiteral("SELECT id FROM categories WHERE code = ?"), {code},
                             tr("looking up the category %1").arg(code));
    if (!found) {
        return found.error();
    }
    QVariantMap values;
    if (!name.isEmpty()) {
        values.insert(QStringLiteral("name"), name);
    }
    values.insert(QStringLiteral("department_id"), departmentId);
    if (parentId != 0) {
        values.insert(QStringLiteral("parent_id"), parentId);
    }
    if (found->isNull()) {
        auto inserted = Sql::exec(db,
                                  QStringLiteral("INSERT INTO categories (department_id, parent_id, code, name)"
                                                 " VALUES (?, ?, ?, ?)"),
                                  {departmentId, Sql::intOrNull(parentId), code, name.isEmpty() ? code : name},
                                  tr("adding the category %1").arg(code));
        if (!inserted) {
            return inserted.error();
        }
        auto created = Sql::scalar(db, QStringLiteral("SELECT id FROM categories WHERE code = ?"), {code},
                                   tr("adding the category %1").arg(code));
        if (!created) {
            return created.error();
        }
        id = created->toLongLong();
        m_session.resolver.rememberCategory(code, id);
        if (Status status = m_categories.remember(id, values); !status) {
            return status.error();
        }
        return Level::Created;
    }
    id = found->toLongLong();
    auto before = m_categories.previous(id);
    if (!before) {
        return before.error();
    }
    auto merged = m_categories.merge(id, values, *before);
    if (!merged) {
        return merged.error();
    }
    return *merged == ImportMerger::Change::Updated ? Level::Updated : Level::Unchanged;
}

Result<RowResult> LegendImport::handle(const ImportRow &row)
{
    const QString departmentCode = row.value(DepartmentCode);
    if (departmentCode.isEmpty()) {
        return RowResult::rejected(DepartmentCode, tr("Every row needs a department code."));
    }
    const QString categoryName = row.value(CategoryName);
    QString categoryCode = row.value(CategoryCode);
    const QString subName = row.value(SubcategoryName);
    QString subCode = row.value(SubcategoryCode);
    if ((!subName.isEmpty() || !subCode.isEmpty()) && categoryName.isEmpty() && categoryCode.isEmpty()) {
        return RowResult::rejected(CategoryName, tr("A sub-category needs the category it belongs to."));
    }
    Level best = Level::None;
    const auto note = [&best](Level level) { best = std::max(best, level); };
    qint64 departmentId = 0;
    auto level = department(departmentCode, row.value(DepartmentName), departmentId);
    if (!level) {
        return level.error();
    }
    note(*level);
    qint64 categoryId = 0;
    if (!categoryName.isEmpty() || !categoryCode.isEmpty()) {
        if (categoryCode.isEmpty()) {
            categoryCode = codeFor(departmentCode, categoryName);
        }
        level = category(departmentId, 0, categoryCode, categoryName, categoryId);
        if (!level) {
            return level.error();
        }
        note(*level);
    }
    if (!subName.isEmpty() || !subCode.isEmpty()) {
        if (subCode.isEmpty()) {
            subCode = codeFor(categoryCode, subName);
        }
        qint64 subId = 0;
        level = category(departmentId, categoryId, subCode, subName, subId);
        if (!level) {
            return level.error();
        }
        note(*level);
    }
    switch (best) {
    case Level::Created:
        return RowResult::created();
    case Level::Updated:
        return RowResult::updated();
    default:
        return RowResult::unchanged();
    }
}

} // namespace Gavel::Models
