using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Data.Surveys;
using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;

namespace ParIndex.Benchmarks.Surveys;

/// <summary>One timed run: seconds, the answers written, the seconds of each phase and the CPU seconds of this process.</summary>
public sealed record SurveyDatabaseRun(double Seconds, long Answers, Dictionary<string, double> Phases, double CpuSeconds = 0);

/// <summary>
/// The three workloads of the database benchmark, each on a freshly created and seeded database;
/// only the work itself is timed (not creating, migrating or seeding the database, nor loading the
/// campaign's unit ids for the two workloads that do not go through the campaign importer).
/// </summary>
public static class SurveyDatabaseWorkloads
{
    public const string Baseline = "baseline";
    public const string Write = "write";
    public const string Import = "import";

    private const string ImportedBy = "benchmark";

    public static Task<SurveyDatabaseRun> RunAsync(string workload, SurveyBenchDatabase database, string path, int respondents, long answers) =>
        RunAsync(workload, database, SurveyBenchmarkData.Default, path, respondents, answers);

    public static Task<SurveyDatabaseRun> RunAsync(string workload, SurveyBenchDatabase database, SurveyBenchShape shape, string path, int respondents, long answers) => workload switch
    {
        Baseline => BaselineAsync(database, shape, respondents, answers),
        Write => WriteAsync(database, shape, path, answers),
        Import => ImportAsync(database, path, answers),
        _ => throw new ArgumentException($"Unknown workload {workload}.", nameof(workload)),
    };

    /// <summary>
    /// Baseline: the same answers, made by <see cref="GeneratedSurveyAnswers"/> from the same seed (no
    /// text, no parsing, no validation, no scoring), bulk-loaded through the provider's sink as the
    /// importer drives it: a transaction, the batch row, chunks of <see cref="SurveyImporter.ChunkSize"/>, commit.
    /// </summary>
    private static async Task<SurveyDatabaseRun> BaselineAsync(SurveyBenchDatabase database, SurveyBenchShape shape, int respondents, long answers)
    {
        var clock = new ImportPhaseClock();
        await using var db = database.Context(clock.Commands, clock.Transactions);
        var target = new SurveyAnswerTarget(database.CampaignId, database.QuestionnaireId, await database.UnitIdsAsync(db), ImportedBy, DateTime.UtcNow);
        var questionnaire = shape.Questionnaire;
        var chunk = new SurveyAnswer[SurveyImporter.ChunkSize];
        long written = 0;
        var watch = Stopwatch.StartNew();
        clock.Start();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var sink = database.Sinks.Create(db, target);
            await using (sink)
            {
                await sink.BeginBatchAsync(new SurveyBatch("baseline", questionnaire.Id, questionnaire.RespondentGroup, "baseline", respondents, answers));
                var n = 0;
                foreach (var answer in GeneratedSurveyAnswers.Answers(shape, respondents))
                {
                    chunk[n++] = answer;
                    if (n == chunk.Length)
                    {
                        await sink.WriteAsync(chunk.AsMemory(0, n));
                        written += n;
                        n = 0;
                    }
                }

                await sink.WriteAsync(chunk.AsMemory(0, n));
                written += n;
                await sink.CommitAsync();
            }

            await transaction.CommitAsync();
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var phases = clock.Phases(seconds);
        // The baseline has no validation pass: its first phase is only the transaction and batch row.
        if (phases.Remove(ImportPhaseClock.Validate, out var begin))
        {
            phases["begin"] = begin;
        }

        return Checked(new SurveyDatabaseRun(seconds, written, phases), answers);
    }

    /// <summary>
    /// The import without re-scoring: <see cref="SurveyImporter.ImportAsync"/> from the file (hash,
    /// validation and scoring pass, write pass through the sink) in a transaction, then commit.
    /// </summary>
    private static async Task<SurveyDatabaseRun> WriteAsync(SurveyBenchDatabase database, SurveyBenchShape shape, string path, long answers)
    {
        var clock = new ImportPhaseClock();
        await using var db = database.Context(clock.Commands, clock.Transactions);
        var units = await database.UnitIdsAsync(db);
        var target = new SurveyAnswerTarget(database.CampaignId, database.QuestionnaireId, units, ImportedBy, DateTime.UtcNow);
        var mapping = SurveyBenchmarkData.Mapping with { KnownUnits = units.Keys.ToHashSet(StringComparer.Ordinal) };
        var watch = Stopwatch.StartNew();
        clock.Start();
        SurveyImportResult result;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var sink = database.Sinks.Create(db, target);
            await using (sink)
            {
                // As the campaign importer calls it: no scoring in the validation pass (ADR 0139).
                result = await SurveyImporter.ImportAsync(ResponseFile.FromPath(path), shape.Questionnaire, framework: null, mapping, sink);
            }

            if (result.Status != SurveyImportStatus.Imported)
            {
                throw new InvalidOperationException($"Benchmark import failed: {result.Status}, {(result.Report.Problems.Count > 0 ? result.Report.Problems[0] : null)}");
            }

            await transaction.CommitAsync();
        }

        var seconds = watch.Elapsed.TotalSeconds;
        return Checked(new SurveyDatabaseRun(seconds, result.AnswersWritten, clock.Phases(seconds)), answers);
    }

    /// <summary>End to end: <see cref="SurveyCampaignImporter.ImportAsync"/> as the application calls it.</summary>
    private static async Task<SurveyDatabaseRun> ImportAsync(SurveyBenchDatabase database, string path, long answers)
    {
        var clock = new ImportPhaseClock();
        await using var db = database.Context(clock.Commands, clock.Transactions);
        var importer = new SurveyCampaignImporter(db, clock.Marking(database.Sinks));
        var watch = Stopwatch.StartNew();
        clock.Start();
        var result = await importer.ImportAsync(database.CampaignId, database.QuestionnaireId, ResponseFile.FromPath(path), SurveyBenchmarkData.Mapping, ImportedBy);
        var seconds = watch.Elapsed.TotalSeconds;
        if (result.Status != SurveyImportStatus.Imported || result.Rescore is null || result.Rescore.AnswersRead != answers)
        {
            throw new InvalidOperationException($"Benchmark import failed: {result.Status}, {(result.Report.Problems.Count > 0 ? result.Report.Problems[0] : null)}, {result.Rescore?.AnswersRead} answers re-read");
        }

        return Checked(new SurveyDatabaseRun(seconds, result.AnswersWritten, clock.Phases(seconds)), answers);
    }

    /// <summary>Counts the stored rows (untimed), so a run that wrote less than the file holds cannot pass.</summary>
    public static async Task<long> StoredAnswersAsync(SurveyBenchDatabase database)
    {
        await using var db = database.Context();
        return await db.SurveyAnswers.LongCountAsync();
    }

    private static SurveyDatabaseRun Checked(SurveyDatabaseRun run, long expected) => run.Answers == expected
        ? run
        : throw new InvalidOperationException($"{run.Answers} answers written, {expected} expected.");
}
