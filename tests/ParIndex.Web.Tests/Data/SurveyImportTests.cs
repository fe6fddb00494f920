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
/// The database import of survey responses on each provider (bulk sink, one transaction, scores
/// written into the assessments), checked against figures worked out by hand.
/// </summary>
public abstract class SurveyImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly Framework Framework = BuiltInFrameworks.Province2023;

    // Q1 → 2.4.1 (max 1) on A/B/C/D/E; Q2 → 8.1.3 (max 2,5) on Likert 1–5 with 0 = không biết.
    private static readonly Questionnaire Questionnaire = SurveyTestQuestionnaire.Create("kiem-thu-nguoi-dan", "Phiếu kiểm thử");

    private sealed record Setup(int CampaignId, int QuestionnaireId, string UnitA, string UnitB, int AssessmentA, int AssessmentB);

    private async Task<Setup> CampaignAsync() => await app.WithDbAsync(async db =>
    {
        var record = await db.Frameworks.SingleAsync(f => f.FrameworkId == Framework.Id && f.Version == Framework.Version);
        var campaign = new Campaign { Name = "Khảo sát " + Guid.NewGuid().ToString("N")[..6], Year = 2023, FrameworkRecordId = record.Id, CreatedAt = DateTime.UtcNow };
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var a = new Assessment { Campaign = campaign, Unit = new Unit { Code = "A" + suffix, Name = "Tỉnh A", Kind = "province" } };
        var b = new Assessment { Campaign = campaign, Unit = new Unit { Code = "B" + suffix, Name = "Tỉnh B", Kind = "province" } };
        // Unit A already has an entry on 2.4.1 (as the self-assessment creates them); B has none.
        a.Entries.Add(new LeafEntry { LeafCode = "2.4.1", UpdatedAt = DateTime.UtcNow });
        db.Assessments.AddRange(a, b);
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
        return new Setup(campaign.Id, questionnaire.Id, a.Unit.Code, b.Unit.Code, a.Id, b.Id);
    });

    private static string Csv(Setup s, string badCell = "C") =>
        $"""
        respondent,unit,Q1,Q2
        r1,{s.UnitA},A,5
        r2,{s.UnitA},B,4
        r3,{s.UnitA},E,2
        r4,{s.UnitA},{badCell},0
        r5,{s.UnitB},D,3
        r6,{s.UnitB},A,
        """;

    private async Task<SurveyCampaignImportResult> ImportAsync(Setup s, string csv, string name = "khao-sat.csv", SurveyColumnMapping? mapping = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<SurveyCampaignImporter>();
        var file = ResponseFile.FromBytes(name, Encoding.UTF8.GetBytes(csv.ReplaceLineEndings("\n")));
        return await importer.ImportAsync(s.CampaignId, s.QuestionnaireId, file, mapping ?? new SurveyColumnMapping(), "coordinator");
    }

    private Task<(long Answers, int Batches, List<LeafEntry> Entries, List<SurveySipasResult> Sipas)> StoredAsync(Setup s) =>
        app.WithDbAsync(async db =>
        {
            var batches = await db.SurveyBatches.Where(b => b.CampaignId == s.CampaignId).Select(b => b.Id).ToListAsync();
            var answers = await db.SurveyAnswers.LongCountAsync(a => batches.Contains(a.BatchId));
            var entries = await db.LeafEntries.AsNoTracking().Where(e => e.AssessmentId == s.AssessmentA || e.AssessmentId == s.AssessmentB).ToListAsync();
            var sipas = await db.SurveySipasResults.AsNoTracking().Where(r => r.CampaignId == s.CampaignId).ToListAsync();
            return (answers, batches.Count, entries, sipas);
        });

    [Fact]
    public async Task Hand_checked_answers_give_the_expected_leaf_points_and_sipas()
    {
        var s = await CampaignAsync();

        var result = await ImportAsync(s, Csv(s));

        Assert.Equal(SurveyImportStatus.Imported, result.Status);
        Assert.Equal(11, result.AnswersWritten);
        var (answers, batches, entries, sipas) = await StoredAsync(s);
        Assert.Equal(11, answers);
        Assert.Equal(1, batches);
        decimal? Score(int assessment, string leaf) => entries.Single(e => e.AssessmentId == assessment && e.LeafCode == leaf).SurveyScore;
        // A, 2.4.1: A, B, C valid (E = không biết) → 1 × (1 + 0,6 + 0,2) / 3 = 0,6.
        Assert.Equal(0.6m, Score(s.AssessmentA, "2.4.1"));
        // A, 8.1.3: 5, 4, 2 valid (0 = không biết) → 2,5 × (1 + 0,75 + 0,25) / 3 = 1,6667.
        Assert.Equal(1.6667m, Score(s.AssessmentA, "8.1.3"));
        // B, 2.4.1: D, A → 0,5; B, 8.1.3: 3 → 2,5 × 0,5 = 1,25 (r6 left Q2 blank).
        Assert.Equal(0.5m, Score(s.AssessmentB, "2.4.1"));
        Assert.Equal(1.25m, Score(s.AssessmentB, "8.1.3"));
        var memo = entries.Single(e => e.AssessmentId == s.AssessmentA && e.LeafCode == "2.4.1").SurveyMemo;
        Assert.Contains("Số câu trả lời hợp lệ", memo, StringComparison.Ordinal);
        Assert.Contains("1 câu trả lời không hợp lệ", memo, StringComparison.Ordinal);
        // SIPAS of 8.1.3: A 2 of 3 satisfied (levels 4–5); B 0 of 1.
        var unitIds = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == s.AssessmentA || a.Id == s.AssessmentB).ToDictionaryAsync(a => a.Id, a => a.UnitId));
        var sipasA = sipas.Single(r => r.UnitId == unitIds[s.AssessmentA]);
        Assert.Equal(("8.1.3", 3L, 2L), (sipasA.Component, sipasA.ValidAnswers, sipasA.SatisfiedAnswers));
        Assert.Equal(2m / 3m, sipasA.Share!.Value, 10);
        var sipasB = sipas.Single(r => r.UnitId == unitIds[s.AssessmentB]);
        Assert.Equal((1L, 0L, 0m), (sipasB.ValidAnswers, sipasB.SatisfiedAnswers, sipasB.Share));
        var history = await app.WithDbAsync(db => db.History.CountAsync(h => h.AssessmentId == s.AssessmentA && h.Field == nameof(LeafEntry.SurveyScore)));
        Assert.Equal(2, history);

        // The counts stored with the batch are exactly a count over its answers (re-scoring reads them).
        var (stored, counted) = await app.WithDbAsync(async db =>
        {
            var raw = (await db.SurveyAnswers.Where(a => a.BatchId == result.BatchId).ToListAsync())
                .GroupBy(a => (a.UnitId, a.QuestionCode, a.AnswerKey))
                .Select(g => (g.Key.UnitId, g.Key.QuestionCode, g.Key.AnswerKey, (long)g.Count(), g.Sum(a => a.Weight ?? 1m)))
                .Order().ToList();
            var counts = (await db.SurveyAnswerCounts.Where(c => c.BatchId == result.BatchId).ToListAsync())
                .Select(c => (c.UnitId, c.QuestionCode, c.AnswerKey, c.Answers, c.WeightSum)).Order().ToList();
            return (counts, raw);
        });
        Assert.Equal(counted, stored);
        Assert.Equal(11, stored.Count);
    }

    [Fact]
    public async Task One_bad_cell_imports_nothing_and_names_its_row_and_column()
    {
        var s = await CampaignAsync();

        var result = await ImportAsync(s, Csv(s, badCell: "X"));

        Assert.Equal(SurveyImportStatus.Invalid, result.Status);
        var problem = Assert.Single(result.Report.Problems);
        Assert.Equal((5, 3, "Q1"), (problem.Row, problem.Column, problem.ColumnName));
        Assert.Contains("\"X\"", problem.Message, StringComparison.Ordinal);
        var (answers, batches, entries, sipas) = await StoredAsync(s);
        Assert.Equal((0L, 0), (answers, batches));
        Assert.All(entries, e => Assert.Null(e.SurveyScore));
        Assert.Empty(sipas);
    }

    [Fact]
    public async Task The_same_file_imported_again_is_refused_and_changes_nothing()
    {
        var s = await CampaignAsync();
        var first = await ImportAsync(s, Csv(s));
        Assert.Equal(SurveyImportStatus.Imported, first.Status);

        var again = await ImportAsync(s, Csv(s), name: "ten-khac.csv");

        Assert.Equal(SurveyImportStatus.AlreadyImported, again.Status);
        Assert.Equal(first.ContentHash, again.ContentHash);
        var (answers, batches, _, _) = await StoredAsync(s);
        Assert.Equal((11L, 1), (answers, batches));
    }

    [Fact]
    public async Task A_second_batch_adds_to_the_first_and_deleting_it_restores_the_scores()
    {
        var s = await CampaignAsync();
        await ImportAsync(s, Csv(s));
        var second = await ImportAsync(s, $"respondent,unit,Q1,Q2\nr7,{s.UnitB},A,5\n", "dot-2.csv");
        Assert.Equal(SurveyImportStatus.Imported, second.Status);
        var (_, _, entries, _) = await StoredAsync(s);
        // B, 2.4.1: D, A, A → 2/3 → 0,6667; B, 8.1.3: 3, 5 → 2,5 × 0,75 = 1,875.
        Assert.Equal(0.6667m, entries.Single(e => e.AssessmentId == s.AssessmentB && e.LeafCode == "2.4.1").SurveyScore);
        Assert.Equal(1.875m, entries.Single(e => e.AssessmentId == s.AssessmentB && e.LeafCode == "8.1.3").SurveyScore);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SurveyCampaignImporter>().DeleteBatchAsync(second.BatchId!.Value, "coordinator");
        }

        (var answers, var batches, entries, _) = await StoredAsync(s);
        Assert.Equal((11L, 1), (answers, batches));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyAnswerCounts.CountAsync(c => c.BatchId == second.BatchId)));
        Assert.Equal(0.5m, entries.Single(e => e.AssessmentId == s.AssessmentB && e.LeafCode == "2.4.1").SurveyScore);
        Assert.Equal(1.25m, entries.Single(e => e.AssessmentId == s.AssessmentB && e.LeafCode == "8.1.3").SurveyScore);
    }

    [Fact]
    public async Task Respondent_weights_are_stored_and_weight_the_mean()
    {
        var s = await CampaignAsync();

        var result = await ImportAsync(s, $"respondent,unit,trong_so,Q1\nr1,{s.UnitA},2,A\nr2,{s.UnitA},\"0,5\",D\nr3,{s.UnitA},,B\n",
            mapping: new SurveyColumnMapping { WeightColumn = "trong_so" });

        Assert.Equal(SurveyImportStatus.Imported, result.Status);
        // (2 × 1 + 0,5 × 0 + 1 × 0,6) / (2 + 0,5 + 1) = 2,6 / 3,5 = 0,742857… → 0,7429.
        var (_, _, entries, _) = await StoredAsync(s);
        var entry = entries.Single(e => e.AssessmentId == s.AssessmentA && e.LeafCode == "2.4.1");
        Assert.Equal(0.7429m, entry.SurveyScore);
        Assert.Contains("trọng số", entry.SurveyMemo, StringComparison.Ordinal);
        var weights = await app.WithDbAsync(db => db.SurveyAnswers.Where(a => a.BatchId == result.BatchId).OrderBy(a => a.RespondentId).Select(a => a.Weight).ToListAsync());
        Assert.Equal([2m, 0.5m, null], weights);
    }

    [Fact]
    public async Task A_unit_outside_the_campaign_is_a_problem_of_its_row()
    {
        var s = await CampaignAsync();

        var result = await ImportAsync(s, "respondent,unit,Q1\nr1,KHONG-CO,A\n");

        Assert.Equal(SurveyImportStatus.Invalid, result.Status);
        Assert.Equal(2, Assert.Single(result.Report.Problems).Row);
        Assert.Equal(0, (await StoredAsync(s)).Batches);
    }

    [Fact]
    public async Task A_published_campaign_refuses_an_import()
    {
        var s = await CampaignAsync();
        await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == s.CampaignId).ExecuteUpdateAsync(u => u.SetProperty(c => c.PublishedAt, DateTime.UtcNow)));

        var refused = await Assert.ThrowsAsync<SurveyCampaignException>(() => ImportAsync(s, Csv(s)));

        Assert.Equal(SurveyCampaignProblem.Conflict, refused.Problem);
        Assert.Equal(0, (await StoredAsync(s)).Batches);
    }
    [Fact]
    public async Task Re_scoring_writes_only_the_changed_leaves_with_one_history_row_each()
    {
        var s = await CampaignAsync();
        var first = await ImportAsync(s, Csv(s));
        // A on 2.4.1 (existing entry) and 8.1.3, B on both (new entries).
        Assert.Equal(4, first.Rescore!.LeavesChanged);
        Assert.Equal(4, await SurveyHistoryAsync(s));

        var second = await ImportAsync(s, $"respondent,unit,Q1\nr7,{s.UnitB},A\n", "dot-2.csv");

        // Only B on 2.4.1 changes (D, A, A → 0,6667); its one history row carries old and new points.
        Assert.Equal(1, second.Rescore!.LeavesChanged);
        var history = await app.WithDbAsync(db => db.History.AsNoTracking()
            .Where(h => (h.AssessmentId == s.AssessmentA || h.AssessmentId == s.AssessmentB) && h.Field == nameof(LeafEntry.SurveyScore))
            .OrderBy(h => h.Id).ToListAsync());
        Assert.Equal(5, history.Count);
        var last = history[^1];
        Assert.Equal((s.AssessmentB, "2.4.1", "coordinator"), (last.AssessmentId, last.LeafCode, last.UserName));
        Assert.Equal((0.5m, 0.6667m), (decimal.Parse(last.OldValue!, CultureInfo.InvariantCulture), decimal.Parse(last.NewValue!, CultureInfo.InvariantCulture)));

        // Re-scoring again from the same stored answers writes nothing.
        SurveyRescoreSummary again;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            again = await scope.ServiceProvider.GetRequiredService<SurveyCampaignImporter>().RescoreAsync(s.CampaignId, "coordinator");
        }

        Assert.Equal((0, 2), (again.LeavesChanged, again.UnitsScored));
        Assert.Equal(5, await SurveyHistoryAsync(s));
        Assert.Equal(2, (await StoredAsync(s)).Sipas.Count);
    }

    [Fact]
    public async Task Stored_survey_columns_equal_the_scores_computed_from_the_answers()
    {
        var s = await CampaignAsync();
        await ImportAsync(s, Csv(s));
        await ImportAsync(s, $"respondent,unit,Q1,Q2\nr7,{s.UnitB},A,0\nr8,{s.UnitA},E,4\n", "dot-2.csv");

        SurveyScoreResult expected;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            expected = await scope.ServiceProvider.GetRequiredService<SurveyCampaignScorer>().ScoreAsync(s.CampaignId);
        }

        var (_, _, entries, sipas) = await StoredAsync(s);
        var assessments = new Dictionary<string, int> { [s.UnitA] = s.AssessmentA, [s.UnitB] = s.AssessmentB };
        Assert.Equal(4, expected.Leaves.Count);
        foreach (var leaf in expected.Leaves)
        {
            var entry = entries.Single(e => e.AssessmentId == assessments[leaf.UnitCode] && e.LeafCode == leaf.LeafCode);
            Assert.Equal(leaf.ValidAnswers > 0 ? leaf.Points : null, entry.SurveyScore);
            Assert.Equal(leaf.Memo.Text, entry.SurveyMemo);
        }

        Assert.Equal(expected.Sipas.Select(x => (x.ValidAnswers, x.SatisfiedAnswers)).Order(), sipas.Select(x => (x.ValidAnswers, x.SatisfiedAnswers)).Order());
    }

    [Fact]
    public async Task An_import_failing_at_its_last_write_leaves_nothing()
    {
        var s = await CampaignAsync();
        var options = new DbContextOptionsBuilder<ParIndexDbContext>(app.Services.GetRequiredService<DbContextOptions<ParIndexDbContext>>())
            .AddInterceptors(new FailImportHistory()).Options;
        await using (var db = new ParIndexDbContext(options))
        {
            var importer = new SurveyCampaignImporter(db, app.Services.GetRequiredService<ISurveyAnswerSinkFactory>());
            var file = ResponseFile.FromBytes("khao-sat.csv", Encoding.UTF8.GetBytes(Csv(s).ReplaceLineEndings("\n")));

            // The import's own history row is written after the answers, counts, leaves, history and SIPAS.
            var failed = await Assert.ThrowsAsync<DbUpdateException>(() => importer.ImportAsync(s.CampaignId, s.QuestionnaireId, file, new SurveyColumnMapping(), "coordinator"));
            Assert.IsType<InvalidOperationException>(failed.InnerException);
        }

        var (answers, batches, entries, sipas) = await StoredAsync(s);
        Assert.Equal((0L, 0), (answers, batches));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyAnswerCounts.CountAsync(c => c.UnitId == db.Assessments.Single(a => a.Id == s.AssessmentA).UnitId)));
        Assert.Equal("2.4.1", Assert.Single(entries).LeafCode);
        Assert.All(entries, e => Assert.Null(e.SurveyMemo));
        Assert.Empty(sipas);
        Assert.Equal(0, await SurveyHistoryAsync(s));

        // Nothing was left behind on the connection either: the same file imports afterwards.
        Assert.Equal(SurveyImportStatus.Imported, (await ImportAsync(s, Csv(s))).Status);
    }

    private Task<int> SurveyHistoryAsync(Setup s) => app.WithDbAsync(db =>
        db.History.CountAsync(h => (h.AssessmentId == s.AssessmentA || h.AssessmentId == s.AssessmentB) && h.Field == nameof(LeafEntry.SurveyScore)));

    /// <summary>Fails the import's closing history row (the last EF write before the commit).</summary>
    private sealed class FailImportHistory : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"History\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("Lỗi giả lập ở bước ghi cuối.")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public sealed class SurveyImportTestsOnSqlite(SqliteAppFixture app) : SurveyImportTests<SqliteAppFixture>(app);

public sealed class SurveyImportTestsOnPostgres(PostgresAppFixture app) : SurveyImportTests<PostgresAppFixture>(app);
