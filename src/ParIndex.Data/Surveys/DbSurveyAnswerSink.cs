using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ParIndex.Core.Surveys;
using ParIndex.Data.Bulk;
using ParIndex.Surveys.Import;

namespace ParIndex.Data.Surveys;

/// <summary>Where a database sink writes: the campaign, the questionnaire record, the unit ids by code and who imports.</summary>
public sealed record SurveyAnswerTarget(int CampaignId, int QuestionnaireId, IReadOnlyDictionary<string, int> UnitIds, string ImportedBy, DateTime ImportedAt);

/// <summary>Makes the sink of the configured database provider (registered by the host).</summary>
public interface ISurveyAnswerSinkFactory
{
    DbSurveyAnswerSink Create(ParIndexDbContext db, SurveyAnswerTarget target);

    /// <summary>The provider's bulk row writer: re-scoring writes its leaves, history and SIPAS through it (ADR 0139).</summary>
    IBulkRowWriter Rows { get; }
}

/// <summary>
/// The part of a database sink that every provider shares: the batch row goes through EF, the
/// answers through the provider's bulk path (<see cref="WriteAnswersAsync"/>) and the answer counts
/// through its bulk row writer, on the same connection and transaction. The caller owns the transaction (it also writes the scores before
/// committing), so <see cref="CommitAsync"/> only finishes the bulk write and nothing is visible
/// to others until the caller commits.
/// <para>Memory is flat in the number of units (ADR 0143): the counts are held for at most
/// <see cref="HeldCounts"/> distinct (unit, question, answer key) and then written out. A unit met
/// again after its counts were written (a file not grouped by unit) has its further counts written
/// to a temporary table and added to the stored ones when the batch ends, a chunk of units at a time.</para>
/// </summary>
public abstract class DbSurveyAnswerSink(ParIndexDbContext db, SurveyAnswerTarget target) : ISurveyAnswerSink, IAsyncDisposable
{
    private static readonly string[] CountColumns = ["BatchId", "UnitId", "QuestionCode", "AnswerKey", "Answers", "WeightSum"];

    // A temporary table of this session for the counts of units met again after theirs were written.
    private const string SpillTable = "SurveyAnswerCountsSpill";

    // Units per merge of the spilled counts: bounds what the merge holds (units × questions × keys).
    private const int MergeUnits = 1_000;

    // At most HeldCounts entries, whatever the number of units or respondents.
    private readonly Dictionary<(string Unit, string Question, string Key), (long Answers, decimal WeightSum)> counts = [];

    // Units whose counts were written by an earlier flush (bounded by the campaign's units, a few bytes each).
    private readonly HashSet<string> flushedUnits = new(StringComparer.Ordinal);

    // Unit ids with counts in the spill table: merged when the batch ends.
    private readonly SortedSet<int> spilledUnits = [];

    private bool spillTableCreated;

    protected ParIndexDbContext Db { get; } = db ?? throw new ArgumentNullException(nameof(db));

    protected SurveyAnswerTarget Target { get; } = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>The id of the batch row once <see cref="BeginBatchAsync"/> has run.</summary>
    public int? BatchId { get; private set; }

    /// <summary>
    /// How many distinct (unit, question, answer key) counts are held before they are written out
    /// (about 100 bytes each). Lower it only to test the flushing.
    /// </summary>
    public int HeldCounts
    {
        get;
        set => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Phải lớn hơn 0.");
    } = 100_000;

    protected DbConnection Connection => Db.Database.GetDbConnection();

    /// <summary>The provider's bulk row writer (the answer counts: up to units × questions × keys rows).</summary>
    protected abstract IBulkRowWriter Rows { get; }

    protected DbTransaction Transaction => Db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("Ghi câu trả lời khảo sát phải nằm trong một giao dịch cơ sở dữ liệu.");

    public Task<bool> ContainsBatchAsync(string contentHash, CancellationToken cancellationToken = default) =>
        Db.SurveyBatches.AnyAsync(b => b.CampaignId == Target.CampaignId && b.ContentHash == contentHash, cancellationToken);

    public async Task BeginBatchAsync(SurveyBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (BatchId is not null)
        {
            throw new InvalidOperationException("Một lô nhập đang mở chưa kết thúc.");
        }

        _ = Transaction;
        var record = new SurveyBatchRecord
        {
            CampaignId = Target.CampaignId,
            QuestionnaireId = Target.QuestionnaireId,
            ContentHash = batch.ContentHash,
            SourceName = batch.SourceName.Length > 260 ? batch.SourceName[..260] : batch.SourceName,
            Respondents = batch.Respondents,
            Answers = batch.Answers,
            ImportedAt = Target.ImportedAt,
            ImportedBy = Target.ImportedBy,
        };
        Db.SurveyBatches.Add(record);
        await Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        BatchId = record.Id;
        await BeginAnswersAsync(record.Id, cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteAsync(ReadOnlyMemory<SurveyAnswer> answers, CancellationToken cancellationToken = default)
    {
        var batchId = BatchId ?? throw new InvalidOperationException("Chưa bắt đầu lô nhập.");
        while (!answers.IsEmpty)
        {
            var counted = Count(answers.Span);
            await WriteAnswersAsync(batchId, answers[..counted], cancellationToken).ConfigureAwait(false);
            answers = answers[counted..];
            if (counts.Count >= HeldCounts)
            {
                // The answers' bulk write is paused while the counts go out (a PostgreSQL COPY holds the connection).
                await CompleteAnswersAsync(cancellationToken).ConfigureAwait(false);
                await FlushCountsAsync(batchId, cancellationToken).ConfigureAwait(false);
                await BeginAnswersAsync(batchId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Finishes the bulk write, then stores the batch's answer counts (<see cref="SurveyAnswerCount"/>) in the same transaction.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        var batchId = BatchId ?? throw new InvalidOperationException("Chưa bắt đầu lô nhập.");
        await CompleteAnswersAsync(cancellationToken).ConfigureAwait(false);
        await FlushCountsAsync(batchId, cancellationToken).ConfigureAwait(false);
        await MergeSpilledCountsAsync(batchId, cancellationToken).ConfigureAwait(false);
        // The sink lives on while the campaign is re-scored: give its tables back.
        counts.TrimExcess();
        flushedUnits.Clear();
        flushedUnits.TrimExcess();
    }

    /// <summary>Abandons the bulk write; the caller rolls its transaction back, which removes the batch row too.</summary>
    public async Task RollbackAsync(CancellationToken cancellationToken = default) => await DisposeAsync().ConfigureAwait(false);

    /// <summary>The unit id of an answer; the importer only passes units of the campaign.</summary>
    protected int UnitId(string unitCode) => Target.UnitIds.TryGetValue(unitCode, out var id)
        ? id
        : throw new InvalidOperationException($"Đơn vị {unitCode} không thuộc kỳ đánh giá.");

    protected abstract Task BeginAnswersAsync(int batchId, CancellationToken cancellationToken);

    protected abstract Task WriteAnswersAsync(int batchId, ReadOnlyMemory<SurveyAnswer> answers, CancellationToken cancellationToken);

    protected abstract Task CompleteAnswersAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Counts answers until <see cref="HeldCounts"/> distinct counts are held; returns how many it took.</summary>
    private int Count(ReadOnlySpan<SurveyAnswer> answers)
    {
        for (var i = 0; i < answers.Length; i++)
        {
            var answer = answers[i];
            ref var counter = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, (answer.UnitCode, answer.QuestionCode, answer.AnswerKey), out _);
            counter.Answers++;
            counter.WeightSum += answer.Weight ?? 1m;
            if (counts.Count >= HeldCounts)
            {
                return i + 1;
            }
        }

        return answers.Length;
    }

    /// <summary>
    /// Writes the held counts in bulk (not as tracked entities: a national file has over a million)
    /// and forgets them. Counts of a unit written by an earlier flush go to the spill table: the
    /// stored row of the same key may exist, and the unique index allows one row per key.
    /// </summary>
    private async Task FlushCountsAsync(int batchId, CancellationToken cancellationToken)
    {
        if (counts.Count == 0)
        {
            return;
        }

        var fresh = new List<object?[]>(counts.Count);
        var again = new List<object?[]>();
        foreach (var ((unit, question, key), (answers, weightSum)) in counts)
        {
            var unitId = UnitId(unit);
            var row = new object?[] { batchId, unitId, question, key, answers, weightSum };
            if (flushedUnits.Contains(unit))
            {
                again.Add(row);
                spilledUnits.Add(unitId);
            }
            else
            {
                fresh.Add(row);
            }
        }

        foreach (var (unit, _, _) in counts.Keys)
        {
            flushedUnits.Add(unit);
        }

        counts.Clear();
        await Rows.WriteAsync(Db, "SurveyAnswerCounts", CountColumns, fresh, cancellationToken).ConfigureAwait(false);
        if (again.Count > 0)
        {
            await CreateSpillTableAsync(cancellationToken).ConfigureAwait(false);
            await Rows.WriteAsync(Db, SpillTable, CountColumns, again, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateSpillTableAsync(CancellationToken cancellationToken)
    {
        if (spillTableCreated)
        {
            return;
        }

        // Same columns as the counts; created in the import's transaction, so a rollback removes it too.
        // SQLite keeps decimals as TEXT (a NUMERIC column would turn them into doubles).
        var weight = Db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "numeric(28,10)" : "TEXT";
        await Db.Database.ExecuteSqlRawAsync("""DROP TABLE IF EXISTS "SurveyAnswerCountsSpill" """, cancellationToken).ConfigureAwait(false);
#pragma warning disable EF1002 // The only interpolated part is one of the two type names above.
        await Db.Database.ExecuteSqlRawAsync($"""
            CREATE TEMPORARY TABLE "SurveyAnswerCountsSpill" ("BatchId" integer NOT NULL, "UnitId" integer NOT NULL,
                "QuestionCode" varchar(100) NOT NULL, "AnswerKey" varchar(50) NOT NULL, "Answers" bigint NOT NULL, "WeightSum" {weight} NOT NULL)
            """, cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002
        spillTableCreated = true;
    }

    /// <summary>
    /// Adds the spilled counts to the stored ones, a chunk of units at a time: reads both, sums in
    /// decimal here (SQLite stores decimals as text, so its SUM would round), deletes the unit's
    /// stored rows of this batch and writes the sums back in bulk.
    /// </summary>
    private async Task MergeSpilledCountsAsync(int batchId, CancellationToken cancellationToken)
    {
        if (!spillTableCreated)
        {
            return;
        }

        var (connection, transaction) = await BulkConnection.OpenAsync(Db, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in spilledUnits.Chunk(MergeUnits))
        {
            // Unit ids are integers from the campaign, never input text.
            var ids = string.Join(",", chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            var sums = new Dictionary<(int Unit, string Question, string Key), (long Answers, decimal WeightSum)>();
            await using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = $"""
                    SELECT "UnitId", "QuestionCode", "AnswerKey", "Answers", "WeightSum" FROM "SurveyAnswerCounts" WHERE "BatchId" = {batchId} AND "UnitId" IN ({ids})
                    UNION ALL
                    SELECT "UnitId", "QuestionCode", "AnswerKey", "Answers", "WeightSum" FROM "SurveyAnswerCountsSpill" WHERE "UnitId" IN ({ids})
                    """;
                await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, (reader.GetInt32(0), reader.GetString(1), reader.GetString(2)), out _);
                    sum.Answers += reader.GetInt64(3);
                    sum.WeightSum += reader.GetDecimal(4);
                }
            }

            await using (var delete = connection.CreateCommand())
            {
                delete.Transaction = transaction;
                delete.CommandText = $"""DELETE FROM "SurveyAnswerCounts" WHERE "BatchId" = {batchId} AND "UnitId" IN ({ids})""";
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await Rows.WriteAsync(Db, "SurveyAnswerCounts", CountColumns,
                sums.Select(s => new object?[] { batchId, s.Key.Unit, s.Key.Question, s.Key.Key, s.Value.Answers, s.Value.WeightSum }),
                cancellationToken).ConfigureAwait(false);
        }

        await Db.Database.ExecuteSqlRawAsync("""DROP TABLE "SurveyAnswerCountsSpill" """, cancellationToken).ConfigureAwait(false);
        spillTableCreated = false;
        spilledUnits.Clear();
    }
}
