using System.Data;
using System.Data.Common;
using ParIndex.Core.Surveys;
using ParIndex.Data.Bulk;
using ParIndex.Data.Sqlite.Bulk;
using ParIndex.Data.Surveys;

namespace ParIndex.Data.Sqlite.Surveys;

/// <summary>
/// SQLite has no bulk-load protocol; the fast path is one prepared INSERT re-bound per row inside
/// the caller's single transaction (one journal sync at commit instead of one per row).
/// </summary>
public sealed class SqliteSurveyAnswerSink(ParIndexDbContext db, SurveyAnswerTarget target) : DbSurveyAnswerSink(db, target)
{
    protected override IBulkRowWriter Rows { get; } = new SqliteBulkRowWriter();

    private DbCommand? insert;
    private DbParameter? batch;
    private DbParameter? unit;
    private DbParameter? respondent;
    private DbParameter? question;
    private DbParameter? answer;
    private DbParameter? weight;

    protected override Task BeginAnswersAsync(int batchId, CancellationToken cancellationToken)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = """
            INSERT INTO "SurveyAnswers" ("BatchId", "UnitId", "RespondentId", "QuestionCode", "AnswerKey", "Weight")
            VALUES ($b, $u, $r, $q, $a, $w)
            """;
        batch = Add(command, "$b", DbType.Int32);
        unit = Add(command, "$u", DbType.Int32);
        respondent = Add(command, "$r", DbType.String);
        question = Add(command, "$q", DbType.String);
        answer = Add(command, "$a", DbType.String);
        // EF stores decimals as TEXT on SQLite; the provider binds a decimal the same way.
        weight = Add(command, "$w", DbType.Decimal);
        command.Prepare();
        insert = command;
        batch.Value = batchId;
        return Task.CompletedTask;
    }

    protected override Task WriteAnswersAsync(int batchId, ReadOnlyMemory<SurveyAnswer> answers, CancellationToken cancellationToken)
    {
        var command = insert ?? throw new InvalidOperationException("Chưa bắt đầu lô nhập.");
        // SQLite is in-process: the async API would only add overhead per row.
        foreach (var a in answers.Span)
        {
            cancellationToken.ThrowIfCancellationRequested();
            unit!.Value = UnitId(a.UnitCode);
            respondent!.Value = a.RespondentId;
            question!.Value = a.QuestionCode;
            answer!.Value = a.AnswerKey;
            weight!.Value = a.Weight is { } w ? w : DBNull.Value;
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    protected override Task CompleteAnswersAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        if (insert is not null)
        {
            await insert.DisposeAsync().ConfigureAwait(false);
            insert = null;
        }
    }

    private static DbParameter Add(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

/// <summary>The SQLite sink for hosts configured with SQLite.</summary>
public sealed class SqliteSurveyAnswerSinkFactory : ISurveyAnswerSinkFactory
{
    public DbSurveyAnswerSink Create(ParIndexDbContext db, SurveyAnswerTarget target) => new SqliteSurveyAnswerSink(db, target);

    public IBulkRowWriter Rows { get; } = new SqliteBulkRowWriter();
}
