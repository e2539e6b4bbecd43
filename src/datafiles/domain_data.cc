#include "datafiles/domain_data.h"

#include "datafiles/catalog_files.h"
#include "datafiles/working_calendar_loader.h"

namespace motcua::datafiles {

Result<std::unique_ptr<DomainData>> LoadDomainData(const std::string& data_dir) {
  Result<catalog::Catalog> catalog = LoadCatalog(data_dir);
  if (!catalog.ok()) return catalog.status().WithContext("không đọc được danh mục thủ tục");
  Result<calendar::WorkingCalendar> cal =
      LoadWorkingCalendar(data_dir, calendar::OfficeHours::Default(), 2000, 2099);
  if (!cal.ok()) return cal.status().WithContext("không đọc được lịch làm việc");
  return std::make_unique<DomainData>(DomainData{std::move(*catalog), std::move(*cal)});
}

}  // namespace motcua::datafiles
