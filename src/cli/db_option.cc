#include "cli/db_option.h"

#include "datafiles/catalog_files.h"
#include "datafiles/working_calendar_loader.h"

namespace motcua::cli {

void AddDbOption(CLI::App* cmd, std::string* url) {
  *url = kDefaultDbUrl;
  cmd->add_option("--db", *url, "Database URL: sqlite:PATH (or postgresql://…)")
      ->capture_default_str();
}

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& url) {
  Result<std::unique_ptr<store::Store>> s = store::Open(url);
  if (!s.ok()) return s.status().WithContext("không mở được cơ sở dữ liệu " + url);
  return s;
}

Result<std::unique_ptr<DomainData>> LoadDomainData(const std::string& data_dir) {
  Result<catalog::Catalog> catalog = datafiles::LoadCatalog(data_dir);
  if (!catalog.ok()) return catalog.status().WithContext("không đọc được danh mục thủ tục");
  Result<calendar::WorkingCalendar> cal =
      datafiles::LoadWorkingCalendar(data_dir, calendar::OfficeHours::Default(), 2000, 2099);
  if (!cal.ok()) return cal.status().WithContext("không đọc được lịch làm việc");
  return std::make_unique<DomainData>(DomainData{std::move(*catalog), std::move(*cal)});
}

}  // namespace motcua::cli
