using System.Globalization;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Responses;

namespace ParIndex.Benchmarks.Surveys;

/// <summary>
/// The answers of a benchmark file (<see cref="SurveyBenchmarkData.EnsureFile"/>) produced straight
/// from the same seeded draws as <c>DemoSurveyGenerator.WriteWideCsv</c>, as structs and without any
/// text: the database baseline loads them without parsing, and nothing is held in memory (one
/// respondent id string per respondent, every other string shared). <see cref="Verify"/> checks,
/// answer by answer, that the stream equals what the reader gets from the file, so the baseline
/// and the import write the same rows.
/// </summary>
public static class GeneratedSurveyAnswers
{
    /// <summary>The seed <see cref="SurveyBenchmarkData.EnsureFile"/> writes its files with.</summary>
    public const int Seed = 42;

    /// <summary>Same draws, in the same order, as the demo generator (unit qualities first, then per cell).</summary>
    public static IEnumerable<SurveyAnswer> Answers(Questionnaire questionnaire, int respondents, int seed = Seed) =>
        Answers(SurveyBenchmarkData.Default with { Questionnaire = questionnaire }, respondents, seed);

    /// <summary>The answers of a file of <paramref name="shape"/>.</summary>
    public static IEnumerable<SurveyAnswer> Answers(SurveyBenchShape shape, int respondents, int seed = Seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var questionnaire = shape.Questionnaire;
        var units = shape.UnitCodes();
        var respondentsPerUnit = respondents / units.Length;
        var random = new Random(seed);
        var quality = new double[units.Length];
        for (var u = 0; u < units.Length; u++)
        {
            quality[u] = (double)Math.Round(0.35m + (0.6m * (decimal)random.NextDouble()), 2, MidpointRounding.AwayFromZero);
        }

        var scales = questionnaire.Questions.Select(q => new Scale(q)).ToArray();
        var number = 0;
        for (var u = 0; u < units.Length; u++)
        {
            for (var r = 0; r < respondentsPerUnit; r++)
            {
                number++;
                var respondent = "R" + number.ToString("D7", CultureInfo.InvariantCulture);
                foreach (var scale in scales)
                {
                    var roll = random.NextDouble();
                    if (roll < 0.03)
                    {
                        continue;
                    }

                    if (roll < 0.07 && scale.Invalid is { } invalid)
                    {
                        yield return new SurveyAnswer(units[u], respondent, scale.Code, invalid);
                        continue;
                    }

                    yield return new SurveyAnswer(units[u], respondent, scale.Code, scale.Pick(Math.Clamp(quality[u] + ((random.NextDouble() - 0.5) * 0.6), 0, 1)));
                }
            }
        }
    }

    /// <summary>Reads the file with the import's reader and compares every answer with the stream; returns the number of answers.</summary>
    public static long Verify(string path, Questionnaire questionnaire, int respondents) =>
        Verify(path, SurveyBenchmarkData.Default with { Questionnaire = questionnaire }, respondents);

    /// <summary>As <see cref="Verify(string, Questionnaire, int)"/> for a file of <paramref name="shape"/>.</summary>
    public static long Verify(string path, SurveyBenchShape shape, int respondents)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var questionnaire = shape.Questionnaire;
        var problems = new SurveyProblemCollector();
        using var table = ResponseFile.FromPath(path).OpenTable();
        var reader = new SurveyResponseReader(table, questionnaire, SurveyBenchmarkData.Mapping, problems, checkDuplicates: false);
        using var expected = Answers(shape, respondents).GetEnumerator();
        var row = new List<SurveyAnswer>();
        long count = 0;
        while (reader.ReadRow(row))
        {
            foreach (var read in row)
            {
                if (!expected.MoveNext())
                {
                    throw new InvalidOperationException($"The answer stream ends before {path} at answer {count + 1}.");
                }

                if (expected.Current != read)
                {
                    throw new InvalidOperationException($"The answer stream differs from {path} at answer {count + 1}: {read} in the file, {expected.Current} in the stream.");
                }

                count++;
            }

            row.Clear();
        }

        if (problems.Total > 0 || expected.MoveNext())
        {
            throw new InvalidOperationException($"The answer stream and {path} do not match ({problems.Total} problems, {count} answers read).");
        }

        return count;
    }

    /// <summary>A question's valid options sorted by share (a drawn share picks the nearest) and its "không biết" option.</summary>
    private sealed class Scale
    {
        private readonly string[] keys;
        private readonly double[] shares;

        public Scale(SurveyQuestion question)
        {
            Code = question.Code;
            var valid = question.Scale.Options.Where(o => o.IsValid).OrderBy(o => o.Share).ToArray();
            keys = valid.Select(o => o.Key).ToArray();
            shares = valid.Select(o => (double)o.Share!.Value).ToArray();
            Invalid = question.Scale.Options.FirstOrDefault(o => !o.IsValid)?.Key;
        }

        public string Code { get; }

        public string? Invalid { get; }

        public string Pick(double share)
        {
            var best = 0;
            for (var i = 1; i < shares.Length; i++)
            {
                if (Math.Abs(shares[i] - share) < Math.Abs(shares[best] - share))
                {
                    best = i;
                }
            }

            return keys[best];
        }
    }
}
