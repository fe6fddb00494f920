using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Surveys;
using ParIndex.Data.Units;
using ParIndex.Surveys.Demo;
using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Data;

/// <summary>
/// The import with its memory bounded in units (ADR 0143): the sink writes its answer counts out
/// every few distinct counts (a unit met again adds to its stored counts), and re-scoring works a
/// chunk of units at a time. Tiny limits here force what a national file does at full size; every
/// outcome must equal the same import done in one piece on a twin campaign.
/// </summary>
public abstract class SurveyChunkedImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private const int Units = 5;

    private static readonly Framework Framework = BuiltInFrameworks.Province2023;

    // Q1 → 2.4.1 (max 1) on A/B/C/D/E; Q2 → 8.1.3 (max 2,5) on Likert 1–5 with 0 = không biết.
    private static readonly Questionnaire Questionnaire = SurveyTestQuestionnaire.Create("kiem-thu-chia-phan", "Phiếu kiểm thử chia phần");

    private static readonly SurveyColumnMapping Weighted = new() { WeightColumn = "trong_so" };

    /// <summary>A campaign of <see cref="Units"/> units (ids ascending in <see cref="UnitCodes"/> order), each with an entry on 2.4.1.</summary>
    private sealed record Setup(int CampaignId, int QuestionnaireId, IReadOnlyList<string> UnitCodes, IReadOnlyList<int> AssessmentIds);

    private async Task<Setup> CampaignAsync() => await app.WithDbAsync(async db =>
    {
        var record = await db.Frameworks.SingleAsync(f => f.FrameworkId == Framework.Id && f.Version == Framework.Version);
        var campaign = new Campaign { Name = "Chia phần " + Guid.NewGuid().ToString("N")[..6], Year = 2023, FrameworkRecordId = record.Id, CreatedAt = DateTime.UtcNow };
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var assessments = new List<Assessment>();
        for (var i = 0; i < Units; i++)
        {
            var assessment = new Assessment { Campaign = campaign, Unit = new Unit { Code = $"U{i}{suffix}", Name = $"Tỉnh {i}", Kind = "province" } };
            assessment.Entries.Add(new LeafEntry { LeafCode = "2.4.1", UpdatedAt = DateTime.UtcNow });
            assessments.Add(assessment);
            // One save per unit: ids ascend in this order, which is the order of the re-scoring chunks.
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
        }

        var questionnaire = new SurveyQuestionnaireRecord
        {
            Campaign = campaign,
            Code = Questionnaire.Id,
            RespondentGroup = Questionnaire.RespondentGroup,
            Title = Questionnaire.Title,
            Json = QuestionnaireFile.ToJson(Questionnaire),
            UpdatedAt = DateTime.UtcNow,
        };
        db.SurveyQuestionnaires.Add(questionnaire);
        await db.SaveChangesAsync();
        return new Setup(campaign.Id, questionnaire.Id, assessments.Select(a => a.Unit!.Code).ToList(), assessments.Select(a => a.Id).ToList());
    });

    /// <summary>
    /// Respondents cycling through the given units (never grouped by unit, so every unit comes back
    /// after its counts were written), with weights of ten decimals that a rounding sum would change.
    /// </summary>
    private static string Csv(Setup s, int respondents, int seed, params int[] units)
    {
        units = units.Length > 0 ? units : Enumerable.Range(0, Units).ToArray();
        var random = new Random(seed);
        var csv = new StringBuilder("respondent,unit,trong_so,Q1,Q2\n");
        for (var r = 0; r < respondents; r++)
        {
            var weight = (0.5m + (random.Next(1, 1_000_000_000) / 1_000_000_000m)).ToString("0.##########", CultureInfo.InvariantCulture).Replace('.', ',');
            csv.Append(CultureInfo.InvariantCulture, $"r{seed}-{r},{s.UnitCodes[units[r % units.Length]]},\"{weight}\",{"ABCDE"[random.Next(5)]},{random.Next(6)}\n");
        }

        return csv.ToString();
    }

    /// <summary>The same file for the twin campaign: its unit codes in place of the first's.</summary>
    private static string ForTwin(string csv, Setup from, Setup to)
    {
        for (var i = 0; i < Units; i++)
        {
            csv = csv.Replace(from.UnitCodes[i], to.UnitCodes[i], StringComparison.Ordinal);
        }

        return csv;
    }

    private async Task<SurveyCampaignImportResult> ImportAsync(Setup s, string csv, string name, bool chunked, DbCommandInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<ParIndexDbContext>(app.Services.GetRequiredService<DbContextOptions<ParIndexDbContext>>());
        if (interceptor is not null)
        {
            options.AddInterceptors(interceptor);
        }

        await using var db = new ParIndexDbContext(options.Options);
        var sinks = app.Services.GetRequiredService<ISurveyAnswerSinkFactory>();
        // Chunked: counts written every 3 distinct counts, re-scoring 2 units at a time (3 chunks for 5 units).
        var importer = chunked
            ? new SurveyCampaignImporter(db, sinks) { HeldCounts = 3, UnitsPerChunk = 2 }
            : new SurveyCampaignImporter(db, sinks) { HeldCounts = 100_000, UnitsPerChunk = 1_000 };
        var file = ResponseFile.FromBytes(name, Encoding.UTF8.GetBytes(csv));
        return await importer.ImportAsync(s.CampaignId, s.QuestionnaireId, file, Weighted, "coordinator");
    }

    /// <summary>What a campaign stores of its survey, by unit position (the twin has other codes and ids).</summary>
    private sealed record Stored(
        List<(int Unit, string Leaf, decimal? Points, string? Memo)> Leaves,
        List<(int Unit, string Component, long Valid, long Satisfied, decimal? Share)> Sipas,
        List<(int Unit, string Question, string Key, long Answers, decimal WeightSum)> Counts,
        List<(int Unit, string Question, string Key, long Answers)> CountedAnswers,
        int History);

    private Task<Stored> StoredAsync(Setup s) => app.WithDbAsync(async db =>
    {
        var unitIds = await db.Assessments.Where(a => a.CampaignId == s.CampaignId).Select(a => new { a.Id, a.UnitId }).ToListAsync();
        int ByAssessment(int id) => s.AssessmentIds.ToList().IndexOf(id);
        int ByUnit(int unitId) => ByAssessment(unitIds.Single(u => u.UnitId == unitId).Id);
        var batches = await db.SurveyBatches.Where(b => b.CampaignId == s.CampaignId).Select(b => b.Id).ToListAsync();
        var leaves = (await db.LeafEntries.AsNoTracking().Where(e => s.AssessmentIds.Contains(e.AssessmentId))
                .Select(e => new { e.AssessmentId, e.LeafCode, e.SurveyScore, e.SurveyMemo }).ToListAsync())
            .Select(e => (ByAssessment(e.AssessmentId), e.LeafCode, e.SurveyScore, e.SurveyMemo)).Order().ToList();
        var sipas = (await db.SurveySipasResults.AsNoTracking().Where(r => r.CampaignId == s.CampaignId).ToListAsync())
            .Select(r => (ByUnit(r.UnitId), r.Component, r.ValidAnswers, r.SatisfiedAnswers, r.Share)).Order().ToList();
        var counts = (await db.SurveyAnswerCounts.AsNoTracking().Where(c => batches.Contains(c.BatchId)).ToListAsync())
            .Select(c => (ByUnit(c.UnitId), c.QuestionCode, c.AnswerKey, c.Answers, c.WeightSum)).Order().ToList();
        var answers = (await db.SurveyAnswers.AsNoTracking().Where(a => batches.Contains(a.BatchId))
                .GroupBy(a => new { a.UnitId, a.QuestionCode, a.AnswerKey }).Select(g => new { g.Key.UnitId, g.Key.QuestionCode, g.Key.AnswerKey, N = g.LongCount() })
                .ToListAsync())
            .Select(g => (ByUnit(g.UnitId), g.QuestionCode, g.AnswerKey, g.N)).Order().ToList();
        var history = await db.History.CountAsync(h => h.AssessmentId != null && s.AssessmentIds.Contains(h.AssessmentId.Value) && h.Field == nameof(LeafEntry.SurveyScore));
        return new Stored(leaves, sipas, counts, answers, history);
    });

    [Fact]
    public async Task Counts_written_in_small_pieces_and_units_split_across_chunks_store_what_one_piece_does()
    {
        var chunked = await CampaignAsync();
        var whole = await CampaignAsync();
        var csv = Csv(chunked, respondents: 60, seed: 1);

        var log = new SqlLog();
        var a = await ImportAsync(chunked, csv, "dot-1.csv", chunked: true, log);
        var b = await ImportAsync(whole, ForTwin(csv, chunked, whole), "dot-1.csv", chunked: false);

        Assert.Equal(SurveyImportStatus.Imported, a.Status);
        // The counts went out in pieces, and units came back after theirs had been written.
        Assert.Equal(1, log.Count("CREATE TEMPORARY TABLE \"SurveyAnswerCountsSpill\""));
        Assert.Equal(3, log.Count("FROM \"SurveyAnswerCounts\""));
        var (x, y) = (await StoredAsync(chunked), await StoredAsync(whole));
        // One count row per (batch, unit, question, key), equal to the stored answers, weights summed exactly.
        Assert.Equal(x.CountedAnswers, x.Counts.Select(c => (c.Unit, c.Question, c.Key, c.Answers)).ToList());
        Assert.Equal(y.Counts, x.Counts);
        Assert.Equal(y.Leaves, x.Leaves);
        Assert.Equal(y.Sipas, x.Sipas);
        Assert.Equal((Units, Units * 2, 60L * 2), (a.Rescore!.UnitsScored, a.Rescore.LeavesChanged, a.Rescore.AnswersRead));
        Assert.Equal((b.Rescore!.UnitsScored, b.Rescore.LeavesChanged, b.Rescore.AnswersRead), (a.Rescore.UnitsScored, a.Rescore.LeavesChanged, a.Rescore.AnswersRead));
        Assert.Equal(Units * 2, x.History);
        Assert.Null(a.Rescore.Scores);
    }

    [Fact]
    public async Task Several_batches_rescored_in_chunks_equal_one_piece_and_deleting_one_too()
    {
        var chunked = await CampaignAsync();
        var whole = await CampaignAsync();
        var first = Csv(chunked, respondents: 40, seed: 2);
        var second = Csv(chunked, respondents: 25, seed: 3, 4, 1, 2);

        await ImportAsync(chunked, first, "dot-1.csv", chunked: true);
        var added = await ImportAsync(chunked, second, "dot-2.csv", chunked: true);
        await ImportAsync(whole, ForTwin(first, chunked, whole), "dot-1.csv", chunked: false);
        await ImportAsync(whole, ForTwin(second, chunked, whole), "dot-2.csv", chunked: false);

        var (x, y) = (await StoredAsync(chunked), await StoredAsync(whole));
        Assert.Equal(y.Leaves, x.Leaves);
        Assert.Equal(y.Sipas, x.Sipas);
        Assert.Equal(y.Counts, x.Counts);
        Assert.Equal(y.History, x.History);
        Assert.Equal((40L + 25L) * 2, added.Rescore!.AnswersRead);

        // Deleting the second batch, re-scored in chunks, gives back the first batch's scores.
        var afterFirst = await CampaignAsync();
        await ImportAsync(afterFirst, ForTwin(first, chunked, afterFirst), "dot-1.csv", chunked: false);
        await using (var db = new ParIndexDbContext(app.Services.GetRequiredService<DbContextOptions<ParIndexDbContext>>()))
        {
            await new SurveyCampaignImporter(db, app.Services.GetRequiredService<ISurveyAnswerSinkFactory>()) { UnitsPerChunk = 2 }
                .DeleteBatchAsync(added.BatchId!.Value, "coordinator");
        }

        var (deleted, expected) = (await StoredAsync(chunked), await StoredAsync(afterFirst));
        Assert.Equal(expected.Leaves, deleted.Leaves);
        Assert.Equal(expected.Sipas, deleted.Sipas);
    }

    [Fact]
    public async Task A_reimport_that_changes_a_few_units_writes_only_those()
    {
        var s = await CampaignAsync();
        await ImportAsync(s, Csv(s, respondents: 50, seed: 4), "dot-1.csv", chunked: true);
        var before = await StoredAsync(s);

        // Answers for unit 3 only (the second of the three chunks): its two leaves change, nothing else.
        var result = await ImportAsync(s, Csv(s, respondents: 7, seed: 5, 3), "dot-2.csv", chunked: true);

        Assert.Equal((Units, 2), (result.Rescore!.UnitsScored, result.Rescore.LeavesChanged));
        var after = await StoredAsync(s);
        Assert.Equal(before.History + 2, after.History);
        var changed = after.Leaves.Except(before.Leaves).ToList();
        Assert.Equal([(3, "2.4.1"), (3, "8.1.3")], changed.Select(l => (l.Unit, l.Leaf)).Order().ToList());
        Assert.Equal(before.Sipas.Where(p => p.Unit != 3), after.Sipas.Where(p => p.Unit != 3));
    }

    [Fact]
    public async Task A_failing_chunk_rolls_back_everything_and_leaves_nothing_on_the_connection()
    {
        var s = await CampaignAsync();
        var csv = Csv(s, respondents: 30, seed: 6);
        var failing = new FailSecondChunk();

        // The first chunk's leaves, history and SIPAS are written when the second chunk's read fails.
        var failed = await Assert.ThrowsAnyAsync<Exception>(() => ImportAsync(s, csv, "dot-1.csv", chunked: true, failing));
        Assert.Contains("Lỗi giả lập", failed.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, failing.CountReads);

        var stored = await StoredAsync(s);
        Assert.Empty(stored.Counts);
        Assert.Empty(stored.CountedAnswers);
        Assert.Empty(stored.Sipas);
        Assert.Equal(0, stored.History);
        Assert.All(stored.Leaves, l => Assert.Equal(("2.4.1", null, null), (l.Leaf, l.Points, l.Memo)));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyBatches.CountAsync(b => b.CampaignId == s.CampaignId)));

        // No temporary table or open COPY left behind: the same file imports afterwards.
        Assert.Equal(SurveyImportStatus.Imported, (await ImportAsync(s, csv, "dot-1.csv", chunked: true)).Status);
        Assert.Equal(Units * 2, (await StoredAsync(s)).History);
    }

    /// <summary>The SQL that EF sends (the bulk paths send theirs on the connection directly).</summary>
    private sealed class SqlLog : DbCommandInterceptor
    {
        private readonly List<string> commands = [];

        public int Count(string part) => commands.Count(c => c.Contains(part, StringComparison.Ordinal));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            commands.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            commands.Add(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    /// <summary>Fails the read of the second chunk's answer counts.</summary>
    private sealed class FailSecondChunk : DbCommandInterceptor
    {
        public int CountReads { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"SurveyAnswerCounts\"", StringComparison.Ordinal) && ++CountReads == 2)
            {
                throw new InvalidOperationException("Lỗi giả lập ở phần thứ hai.");
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class SurveyChunkedImportTestsOnSqlite(SqliteAppFixture app) : SurveyChunkedImportTests<SqliteAppFixture>(app);

public sealed class SurveyChunkedImportTestsOnPostgres(PostgresAppFixture app) : SurveyChunkedImportTests<PostgresAppFixture>(app);
