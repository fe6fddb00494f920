using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ParIndex.Data;
using ParIndex.Data.Bulk;
using ParIndex.Data.Surveys;

namespace ParIndex.Benchmarks.Surveys;

/// <summary>
/// Marks when an import passes from one phase to the next, from the commands EF sends: the batch
/// row's INSERT ends the hash and validation pass, the join over the stored counts ends the write
/// of the answers and their counts and starts the re-scoring, the next command ends its read, the
/// commit starting ends the set-based writing of scores, history and SIPAS, itself split at its
/// statements: compare (read the stored survey columns), update (temporary table + UPDATE … FROM),
/// insert + history (new entries and the history rows, in bulk), SIPAS (DELETE + bulk insert). The answers and the
/// counts go through the provider's bulk path and send no EF command (an EF INSERT of counts, as
/// before ADR 0139, is still shown as its own phase). Re-scoring runs a chunk of units at a time
/// (ADR 0143): each phase is the sum over the chunks.
/// </summary>
public sealed class ImportPhaseClock
{
    public const string Validate = "hash + validate";
    public const string Write = "write answers";
    public const string WriteCounts = "write counts";
    public const string RescoreRead = "re-score: read";
    public const string RescoreWrite = "re-score: write";
    public const string RescoreCompare = "re-score: compare";
    public const string RescoreUpdate = "re-score: update";
    public const string RescoreInsert = "re-score: insert + history";
    public const string RescoreSipas = "re-score: SIPAS";
    public const string Commit = "commit";

    private readonly System.Diagnostics.Stopwatch watch = new();
    private readonly List<(string Phase, double At)> marks = [];
    private string state = Validate;

    public DbCommandInterceptor Commands => new CommandMarks(this);

    public DbTransactionInterceptor Transactions => new TransactionMarks(this);

    public void Start()
    {
        marks.Clear();
        state = Validate;
        watch.Restart();
    }

    /// <summary>Seconds of each phase: the time from the previous mark (or the start) to its own.</summary>
    public Dictionary<string, double> Phases(double total)
    {
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        var previous = 0.0;
        foreach (var (phase, at) in marks)
        {
            phases[phase] = phases.GetValueOrDefault(phase) + (at - previous);
            previous = at;
        }

        if (total - previous > 0.0005)
        {
            phases["rest"] = total - previous;
        }

        return phases;
    }

    /// <summary>
    /// The sink factory <paramref name="sinks"/> whose bulk row writer also marks phases by the table
    /// it writes (the bulk paths send no EF command): leaf entries and history end the update step
    /// of a chunk, SIPAS rows end its insert step.
    /// </summary>
    public ISurveyAnswerSinkFactory Marking(ISurveyAnswerSinkFactory sinks) => new MarkingSinks(this, sinks);

    private void Command(DbCommand command)
    {
        var sql = command.CommandText;
        if (state == Validate)
        {
            if (sql.Contains("INSERT INTO \"SurveyBatches\"", StringComparison.Ordinal))
            {
                Next(Write);
            }
        }
        else if (state == Write && sql.Contains("INSERT INTO \"SurveyAnswerCounts\"", StringComparison.Ordinal))
        {
            Next(WriteCounts);
        }
        else if (sql.Contains("FROM \"SurveyAnswerCounts\"", StringComparison.Ordinal) && sql.Contains("JOIN", StringComparison.Ordinal))
        {
            // Each chunk of units (ADR 0143) begins with the read of its counts.
            Enter(RescoreRead);
        }
        else if (state == RescoreRead && sql.Contains("FROM \"LeafEntries\"", StringComparison.Ordinal))
        {
            Enter(RescoreCompare);
        }
        else if (state == RescoreRead && !sql.Contains("FROM \"Assessments\"", StringComparison.Ordinal) && !sql.Contains("SurveySipasResults", StringComparison.Ordinal))
        {
            // Before ADR 0139 one EF save wrote everything.
            Enter(RescoreWrite);
        }
        else if (sql.StartsWith("TRUNCATE \"SurveyRescoreChanges\"", StringComparison.Ordinal) || sql.Contains("CREATE TEMPORARY TABLE \"SurveyRescoreChanges\"", StringComparison.Ordinal))
        {
            Enter(RescoreUpdate);
        }
        else if (sql.Contains("DELETE FROM \"SurveySipasResults\"", StringComparison.Ordinal))
        {
            Enter(RescoreSipas);
        }
    }

    private void Table(string table)
    {
        if (state is RescoreCompare or RescoreUpdate && table is "LeafEntries" or "History")
        {
            Enter(RescoreInsert);
        }
        else if (state is RescoreCompare or RescoreUpdate or RescoreInsert && table == "SurveySipasResults")
        {
            Enter(RescoreSipas);
        }
    }

    private void Enter(string phase)
    {
        if (state != phase)
        {
            Next(phase);
        }
    }

    /// <summary>Ends the current phase now and enters the next.</summary>
    private void Next(string phase)
    {
        marks.Add((state, watch.Elapsed.TotalSeconds));
        state = phase;
    }

    private sealed class MarkingSinks(ImportPhaseClock clock, ISurveyAnswerSinkFactory inner) : ISurveyAnswerSinkFactory, IBulkRowWriter
    {
        public IBulkRowWriter Rows => this;

        public DbSurveyAnswerSink Create(ParIndexDbContext db, SurveyAnswerTarget target) => inner.Create(db, target);

        public Task<long> WriteAsync(ParIndexDbContext db, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
        {
            clock.Table(table);
            return inner.Rows.WriteAsync(db, table, columns, rows, cancellationToken);
        }
    }

    private sealed class CommandMarks(ImportPhaseClock clock) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            clock.Command(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            clock.Command(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            clock.Command(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            clock.Command(command);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class TransactionMarks(ImportPhaseClock clock) : DbTransactionInterceptor
    {
        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            clock.Next(Commit);
            return result;
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            clock.Next(Commit);
            return ValueTask.FromResult(result);
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => clock.Next("done");

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            clock.Next("done");
            return Task.CompletedTask;
        }
    }
}
