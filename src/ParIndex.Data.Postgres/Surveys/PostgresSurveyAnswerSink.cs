using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ParIndex.Core.Surveys;
using ParIndex.Data.Bulk;
using ParIndex.Data.Postgres.Bulk;
using ParIndex.Data.Surveys;

namespace ParIndex.Data.Postgres.Surveys;

/// <summary>
/// Answers go through one binary <c>COPY … FROM STDIN</c> on the caller's connection, inside its
/// transaction: the fastest load PostgreSQL offers, and atomic with the batch row and the scores.
/// Disposing the importer without completing it cancels the COPY.
/// </summary>
public sealed class PostgresSurveyAnswerSink(ParIndexDbContext db, SurveyAnswerTarget target) : DbSurveyAnswerSink(db, target)
{
    private NpgsqlBinaryImporter? importer;

    protected override IBulkRowWriter Rows { get; } = new PostgresBulkRowWriter();

    protected override async Task BeginAnswersAsync(int batchId, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Connection;
        importer = await connection.BeginBinaryImportAsync(
            """COPY "SurveyAnswers" ("BatchId", "UnitId", "RespondentId", "QuestionCode", "AnswerKey", "Weight") FROM STDIN (FORMAT BINARY)""",
            cancellationToken).ConfigureAwait(false);
        // Completing the COPY waits for the server to finish the statement, including the foreign-key
        // check of every row queued to its end: minutes for millions of answers, beyond the
        // connection's 30-second default. The context's command timeout applies when one is set,
        // otherwise none (zero); the caller's cancellation token still stops the import.
        importer.Timeout = Db.Database.GetCommandTimeout() is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
    }

    protected override async Task WriteAnswersAsync(int batchId, ReadOnlyMemory<SurveyAnswer> answers, CancellationToken cancellationToken)
    {
        var copy = importer ?? throw new InvalidOperationException("Chưa bắt đầu lô nhập.");
        // Rows are buffered by Npgsql and flushed when its buffer fills; awaiting per value costs more than it saves.
        for (var i = 0; i < answers.Length; i++)
        {
            var a = answers.Span[i];
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(batchId, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(UnitId(a.UnitCode), NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(a.RespondentId, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(a.QuestionCode, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(a.AnswerKey, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            if (a.Weight is { } weight)
            {
                await copy.WriteAsync(weight, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override async Task CompleteAnswersAsync(CancellationToken cancellationToken)
    {
        var copy = importer ?? throw new InvalidOperationException("Chưa bắt đầu lô nhập.");
        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        if (importer is not null)
        {
            await importer.DisposeAsync().ConfigureAwait(false);
            importer = null;
        }
    }
}

/// <summary>The COPY sink for hosts configured with PostgreSQL.</summary>
public sealed class PostgresSurveyAnswerSinkFactory : ISurveyAnswerSinkFactory
{
    public DbSurveyAnswerSink Create(ParIndexDbContext db, SurveyAnswerTarget target) => new PostgresSurveyAnswerSink(db, target);

    public IBulkRowWriter Rows { get; } = new PostgresBulkRowWriter();
}
