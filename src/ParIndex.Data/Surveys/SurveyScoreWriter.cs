using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Surveys;
using ParIndex.Data.Assessments;
using ParIndex.Data.Bulk;

namespace ParIndex.Data.Surveys;

/// <summary>
/// Writes re-scored survey points set-based (ADR 0139): the stored survey columns are read as a
/// projection (no tracked entities), only the leaves whose points or memo differ are written — on
/// PostgreSQL an UPDATE … FROM a temporary table COPY-filled with the changes, on SQLite a prepared
/// UPDATE per changed entry; new entries and one history row per changed leaf through the bulk row
/// writer — and the SIPAS rows are replaced by one DELETE and a bulk insert per chunk. Runs on the context's connection inside its current transaction; commits nothing.
/// Called per chunk of units (ADR 0143) between <see cref="BeginAsync"/> and <see cref="EndAsync"/>:
/// memory is the chunk's changed leaves (small records), never the campaign's nor the answers.
/// </summary>
internal sealed class SurveyScoreWriter(ParIndexDbContext db, IBulkRowWriter rows, DateTime now, string userName)
{
    // A temporary table of this session (named in the SQL below too); dropped at the end, and with the transaction on a rollback.
    private const string ChangesTable = "SurveyRescoreChanges";

    private static readonly string[] EntryColumns =
        ["AssessmentId", "LeafCode", "NotApplicable", "Explanation", "Memo", "Version", "UpdatedAt", "UpdatedBy", "SurveyScore", "SurveyMemo"];

    private static readonly string[] HistoryColumns =
        ["At", "UserName", "Entity", "AssessmentId", "LeafCode", "Field", "OldValue", "NewValue", "Reason"];

    private static readonly string[] SipasColumns =
        ["CampaignId", "UnitId", "Component", "ValidAnswers", "SatisfiedAnswers", "Share", "ComputedAt"];

    // Unit code → assessment id of the campaign, loaded by BeginAsync.
    private Dictionary<string, int> assessments = [];

    private bool isPostgres;

    /// <summary>
    /// One survey leaf whose stored points or memo differ from the new ones; <see cref="EntryId"/> null: no entry yet.
    /// The memo text is made again when written rather than kept: 300,000 memos are over 100 MB of strings.
    /// </summary>
    private sealed record Change(int? EntryId, int AssessmentId, string LeafCode, decimal? OldPoints, decimal? Points, SurveyLeafScore? Score)
    {
        public string? Memo => Score?.Memo.Text;
    }

    /// <summary>
    /// Before the first chunk: loads the campaign's assessment ids, removes its SIPAS rows (each chunk
    /// adds its own) and, on PostgreSQL, creates the temporary table of the changes.
    /// </summary>
    public async Task BeginAsync(int campaignId, CancellationToken cancellationToken)
    {
        isPostgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        assessments = await db.Assessments.AsNoTracking().Where(a => a.CampaignId == campaignId)
            .Select(a => new { a.Id, a.Unit!.Code })
            .ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        await db.SurveySipasResults.Where(s => s.CampaignId == campaignId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (isPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE IF EXISTS "SurveyRescoreChanges" """, cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync(
                """CREATE TEMPORARY TABLE "SurveyRescoreChanges" ("Id" integer NOT NULL, "SurveyScore" numeric(28,10), "SurveyMemo" text)""",
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After the last chunk: drops the temporary table (a rollback drops it too).</summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        if (isPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "SurveyRescoreChanges" """, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Compares and writes one chunk: the survey leaves of the units whose ids lie in
    /// [<paramref name="fromUnit"/>, <paramref name="toUnit"/>], against <paramref name="result"/> (that chunk's scores).
    /// </summary>
    /// <returns>The number of leaves changed (= history rows written).</returns>
    public async Task<int> WriteLeavesAsync(int campaignId, int fromUnit, int toUnit, IReadOnlyList<string> surveyLeaves, SurveyScoreResult result, CancellationToken cancellationToken)
    {
        // The new points by (assessment, leaf); an entry is removed once compared, what remains has no entry yet.
        var pending = new Dictionary<(int AssessmentId, string LeafCode), SurveyLeafScore>(result.Leaves.Count);
        foreach (var score in result.Leaves)
        {
            if (assessments.TryGetValue(score.UnitCode, out var assessmentId))
            {
                pending.Add((assessmentId, score.LeafCode), score);
            }
        }

        var changes = new List<Change>();
        var stored = db.LeafEntries.AsNoTracking()
            .Where(e => e.Assessment!.CampaignId == campaignId && e.Assessment.UnitId >= fromUnit && e.Assessment.UnitId <= toUnit
                && surveyLeaves.Contains(e.LeafCode))
            .Select(e => new { e.Id, e.AssessmentId, e.LeafCode, e.SurveyScore, e.SurveyMemo })
            .AsAsyncEnumerable();
        await foreach (var entry in stored.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            pending.Remove((entry.AssessmentId, entry.LeafCode), out var score);
            var (points, memo) = Stored(score);
            if (entry.SurveyScore != points || entry.SurveyMemo != memo)
            {
                changes.Add(new Change(entry.Id, entry.AssessmentId, entry.LeafCode, entry.SurveyScore, points, score));
            }
        }

        foreach (var ((assessmentId, leafCode), score) in pending)
        {
            changes.Add(new Change(null, assessmentId, leafCode, null, Stored(score).Points, score));
        }

        if (changes.Count == 0)
        {
            return 0;
        }

        await UpdateEntriesAsync(changes.Where(c => c.EntryId is not null), cancellationToken).ConfigureAwait(false);
        await rows.WriteAsync(db, "LeafEntries", EntryColumns, changes.Where(c => c.EntryId is null)
            .Select(c => new object?[] { c.AssessmentId, c.LeafCode, false, "", "", 0, now, userName, c.Points, c.Memo }), cancellationToken).ConfigureAwait(false);
        await rows.WriteAsync(db, "History", HistoryColumns, changes.Select(c => new object?[]
        {
            now, userName, nameof(LeafEntry), c.AssessmentId, c.LeafCode, nameof(LeafEntry.SurveyScore), Invariant(c.OldPoints), Invariant(c.Points),
            c.Score is null ? "Không còn câu trả lời khảo sát" : $"Tính từ {c.Score.ValidAnswers} câu trả lời khảo sát hợp lệ",
        }), cancellationToken).ConfigureAwait(false);
        return changes.Count;
    }

    /// <summary>Adds one chunk's SIPAS rows in bulk (<see cref="BeginAsync"/> removed the campaign's old ones).</summary>
    public async Task WriteSipasAsync(int campaignId, IReadOnlyDictionary<string, int> unitIds, SurveyScoreResult result, CancellationToken cancellationToken) =>
        await rows.WriteAsync(db, "SurveySipasResults", SipasColumns, result.Sipas.Select(s => new object?[]
        {
            campaignId, unitIds[s.UnitCode], s.Component, s.ValidAnswers, s.SatisfiedAnswers, s.Share, now,
        }), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The changed existing entries of a chunk. PostgreSQL: COPY into the temporary table, then one UPDATE … FROM.
    /// SQLite (in-process, no network round trip): one prepared UPDATE by row id re-bound per entry,
    /// which also spares SQLite materializing the whole join of an UPDATE … FROM in memory.
    /// </summary>
    private async Task UpdateEntriesAsync(IEnumerable<Change> updates, CancellationToken cancellationToken)
    {
        if (!isPostgres)
        {
            UpdateEntriesOneByOne(await BulkConnection.OpenAsync(db, cancellationToken).ConfigureAwait(false), updates, cancellationToken);
            return;
        }

        await db.Database.ExecuteSqlRawAsync("""TRUNCATE "SurveyRescoreChanges" """, cancellationToken).ConfigureAwait(false);
        var written = await rows.WriteAsync(db, ChangesTable, ["Id", "SurveyScore", "SurveyMemo"],
            updates.Select(c => new object?[] { c.EntryId, c.Points, c.Memo }), cancellationToken).ConfigureAwait(false);
        if (written > 0)
        {
            // A fresh temporary table has no statistics: without them the planner may loop instead of hash-joining.
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "SurveyRescoreChanges" """, cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE "LeafEntries" SET "SurveyScore" = c."SurveyScore", "SurveyMemo" = c."SurveyMemo"
                FROM "SurveyRescoreChanges" AS c WHERE "LeafEntries"."Id" = c."Id"
                """, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void UpdateEntriesOneByOne((DbConnection Connection, DbTransaction Transaction) open, IEnumerable<Change> updates, CancellationToken cancellationToken)
    {
        using var command = open.Connection.CreateCommand();
        command.Transaction = open.Transaction;
        command.CommandText = """UPDATE "LeafEntries" SET "SurveyScore" = $score, "SurveyMemo" = $memo WHERE "Id" = $id""";
        var score = Parameter(command, "$score");
        var memo = Parameter(command, "$memo");
        var id = Parameter(command, "$id");
        command.Prepare();
        foreach (var change in updates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            score.Value = change.Points is { } p ? p : DBNull.Value;
            memo.Value = change.Memo is { } m ? m : DBNull.Value;
            id.Value = change.EntryId!.Value;
            command.ExecuteNonQuery();
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>What a leaf entry stores for a score: points only with valid answers; both null without a score.</summary>
    private static (decimal? Points, string? Memo) Stored(SurveyLeafScore? score) =>
        (score?.ValidAnswers > 0 ? score.Points : null, score?.Memo.Text);

    private static string? Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
