using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using ParIndex.Core.Surveys;
using ParIndex.Data.Surveys;

namespace ParIndex.Data.Sqlite.Surveys;

/// <summary>
/// SQLite has no bulk-load protocol; the fast path is prepared INSERTs re-bound inside the caller's
/// single transaction (one journal sync at commit instead of one per row). Each statement inserts
/// <see cref="RowsPerStatement"/> rows: the per-execution cost of the ADO.NET provider (a reader, a
/// reset, the checks around them) is then paid once per block instead of once per row. Rows that do
/// not fill a block go through the one-row statement.
/// </summary>
public sealed class SqliteSurveyAnswerSink(ParIndexDbContext db, SurveyAnswerTarget target) : DbSurveyAnswerSink(db, target)
{
    /// <summary>Rows per multi-row INSERT: 5 parameters a row stays far below SQLite's limit of 32,766, and 8,192-answer chunks split evenly.</summary>
    public const int RowsPerStatement = 128;

    private const int ColumnsPerRow = 5;

    private Insert? block;
    private Insert? single;

    protected override Task BeginAnswersAsync(int batchId, CancellationToken cancellationToken)
    {
        block = new Insert(Connection, Transaction, batchId, RowsPerStatement);
        single = new Insert(Connection, Transaction, batchId, 1);
        return Task.CompletedTask;
    }

    protected override Task WriteAnswersAsync(int batchId, ReadOnlyMemory<SurveyAnswer> answers, CancellationToken cancellationToken)
    {
        var (many, one) = (block, single) is ({ } b, { } s) ? (b, s) : throw new InvalidOperationException("Chưa bắt đầu lô nhập.");
        // SQLite is in-process: the async API would only add overhead per statement.
        var span = answers.Span;
        var i = 0;
        for (; i + RowsPerStatement <= span.Length; i += RowsPerStatement)
        {
            cancellationToken.ThrowIfCancellationRequested();
            many.Execute(span.Slice(i, RowsPerStatement), this);
        }

        for (; i < span.Length; i++)
        {
            one.Execute(span.Slice(i, 1), this);
        }

        return Task.CompletedTask;
    }

    protected override Task CompleteAnswersAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        if (block is not null)
        {
            await block.DisposeAsync().ConfigureAwait(false);
            block = null;
        }

        if (single is not null)
        {
            await single.DisposeAsync().ConfigureAwait(false);
            single = null;
        }
    }

    /// <summary>A prepared INSERT of a fixed number of rows; the batch id is bound once.</summary>
    private sealed class Insert : IAsyncDisposable
    {
        private readonly DbCommand command;
        private readonly DbParameter[] values;

        public Insert(DbConnection connection, DbTransaction transaction, int batchId, int rows)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("""INSERT INTO "SurveyAnswers" ("BatchId", "UnitId", "RespondentId", "QuestionCode", "AnswerKey", "Weight") VALUES """);
            values = new DbParameter[rows * ColumnsPerRow];
            Add(command, "$b", DbType.Int32).Value = batchId;
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"($b, $u{r}, $r{r}, $q{r}, $a{r}, $w{r})");
                values[(r * ColumnsPerRow) + 0] = Add(command, $"$u{r}", DbType.Int32);
                values[(r * ColumnsPerRow) + 1] = Add(command, $"$r{r}", DbType.String);
                values[(r * ColumnsPerRow) + 2] = Add(command, $"$q{r}", DbType.String);
                values[(r * ColumnsPerRow) + 3] = Add(command, $"$a{r}", DbType.String);
                // EF stores decimals as TEXT on SQLite; the provider binds a decimal the same way.
                values[(r * ColumnsPerRow) + 4] = Add(command, $"$w{r}", DbType.Decimal);
            }

            command.CommandText = sql.ToString();
            command.Prepare();
        }

        public void Execute(ReadOnlySpan<SurveyAnswer> rows, SqliteSurveyAnswerSink sink)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                var a = rows[r];
                var p = r * ColumnsPerRow;
                values[p].Value = sink.UnitId(a.UnitCode);
                values[p + 1].Value = a.RespondentId;
                values[p + 2].Value = a.QuestionCode;
                values[p + 3].Value = a.AnswerKey;
                values[p + 4].Value = a.Weight is { } w ? w : DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();

        private static DbParameter Add(DbCommand command, string name, DbType type)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
            return parameter;
        }
    }
}

/// <summary>The SQLite sink for hosts configured with SQLite.</summary>
public sealed class SqliteSurveyAnswerSinkFactory : ISurveyAnswerSinkFactory
{
    public DbSurveyAnswerSink Create(ParIndexDbContext db, SurveyAnswerTarget target) => new SqliteSurveyAnswerSink(db, target);
}
