// SqliteStore: questions from the desk to an agency's experts about a
// dossier, and their answers. A question row points at its dossier's row id;
// the code is read back through a join.
#include <string>
#include <vector>

#include "store/sqlite/dossier_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace motcua::store::sqlite {
namespace {

constexpr const char* kQuestionSelect =
    "SELECT q.id, d.code, q.agency, q.asked_by, q.text, q.asked_at, q.answered_by, q.answer, "
    "q.answered_at FROM question q JOIN dossier d ON d.id = q.dossier_id";

Question ReadQuestion(const Statement& s) {
  Question q;
  q.id = s.ColumnInt(0);
  q.dossier_code = s.ColumnText(1);
  q.agency_code = s.ColumnText(2);
  q.asked_by = s.ColumnText(3);
  q.text = s.ColumnText(4);
  q.asked_at = s.ColumnInt(5);
  q.answered_by = s.ColumnText(6);
  q.answer = s.ColumnText(7);
  q.answered_at = s.ColumnOptionalInt(8);
  return q;
}

Result<Question> GetQuestionOn(Connection& conn, std::int64_t id) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s,
                          conn.Prepare(std::string(kQuestionSelect) + " WHERE q.id = ?1"));
  s.Bind(1, id);
  MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return Status::NotFound("no question " + std::to_string(id));
  return ReadQuestion(s);
}

}  // namespace

Result<Question> SqliteStore::AskQuestion(const Question& question) {
  if (question.text.empty()) return Status::InvalidArgument("a question needs a text");
  Question stored = question;
  stored.answered_by.clear();
  stored.answer.clear();
  stored.answered_at.reset();
  MOTCUA_RETURN_IF_ERROR(db_->writer().Write([&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(const std::optional<StoredHead> head,
                            FindHead(conn, question.dossier_code));
    if (!head) return Status::NotFound("no dossier " + question.dossier_code);
    MOTCUA_ASSIGN_OR_RETURN(Statement s,
                            conn.Prepare("INSERT INTO question(dossier_id, agency, asked_by, text, "
                                         "asked_at) VALUES(?1, ?2, ?3, ?4, ?5)"));
    s.Bind(1, head->id)
        .Bind(2, question.agency_code)
        .Bind(3, question.asked_by)
        .Bind(4, question.text)
        .Bind(5, question.asked_at);
    MOTCUA_RETURN_IF_ERROR(s.Run());
    stored.id = conn.LastInsertRowid();
    return Status::Ok();
  }));
  return stored;
}

Result<Question> SqliteStore::AnswerQuestion(std::int64_t id, std::string_view answered_by,
                                             std::string_view answer, Instant at) {
  if (answer.empty()) return Status::InvalidArgument("an answer needs a text");
  std::optional<Question> out;
  MOTCUA_RETURN_IF_ERROR(db_->writer().Write([&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(Question q, GetQuestionOn(conn, id));
    if (q.answered_at) {
      return Status::Conflict("question " + std::to_string(id) + " was already answered by " +
                              q.answered_by);
    }
    MOTCUA_ASSIGN_OR_RETURN(Statement s,
                            conn.Prepare("UPDATE question SET answered_by = ?2, answer = ?3, "
                                         "answered_at = ?4 WHERE id = ?1"));
    s.Bind(1, id).Bind(2, answered_by).Bind(3, answer).Bind(4, at);
    MOTCUA_RETURN_IF_ERROR(s.Run());
    q.answered_by = std::string(answered_by);
    q.answer = std::string(answer);
    q.answered_at = at;
    out = std::move(q);
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<Question> SqliteStore::GetQuestion(std::int64_t id) {
  return WithReadTransaction(db_->readers(),
                             [&](Connection& conn) { return GetQuestionOn(conn, id); });
}

Result<std::vector<Question>> SqliteStore::ListQuestions(std::string_view dossier_code) {
  return WithReadTransaction(
      db_->readers(), [&](Connection& conn) -> Result<std::vector<Question>> {
        MOTCUA_ASSIGN_OR_RETURN(const std::optional<StoredHead> head, FindHead(conn, dossier_code));
        if (!head) return Status::NotFound("no dossier " + std::string(dossier_code));
        MOTCUA_ASSIGN_OR_RETURN(
            Statement s,
            conn.Prepare(std::string(kQuestionSelect) + " WHERE q.dossier_id = ?1 ORDER BY q.id"));
        s.Bind(1, head->id);
        std::vector<Question> out;
        while (true) {
          MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
          if (!row) return out;
          out.push_back(ReadQuestion(s));
        }
      });
}

}  // namespace motcua::store::sqlite
