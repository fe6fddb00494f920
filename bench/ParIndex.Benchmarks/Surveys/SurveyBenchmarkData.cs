using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Demo;
using ParIndex.Surveys.Responses;

namespace ParIndex.Benchmarks.Surveys;

/// <summary>
/// What a benchmark file holds: how many units share the respondents and the questionnaire they answer.
/// </summary>
/// <param name="Name">Part of the file names ("" for the default shape, whose files keep their names).</param>
public sealed record SurveyBenchShape(int Units, Questionnaire Questionnaire, string Name)
{
    /// <summary>The unit codes, DV001 … (at least three digits).</summary>
    public string[] UnitCodes() => Enumerable.Range(1, Units).Select(i => $"DV{i:D3}").ToArray();

    /// <summary>
    /// A national campaign (issue 15): <paramref name="units"/> units answering the full demo
    /// questionnaire, one question per survey leaf of the framework (27 on the 2023 provincial one).
    /// </summary>
    public static SurveyBenchShape National(int units) =>
        new(units, DemoSurvey.Questionnaire(SurveyBenchmarkData.Framework), $"-u{units}-q{DemoSurvey.Questionnaire(SurveyBenchmarkData.Framework).Questions.Count}");
}

/// <summary>
/// The benchmark's survey: 20 questions of the demo questionnaire over the built-in 2023
/// provincial framework (15 A/B/C/D questions and the 5 Likert satisfaction questions, so SIPAS is
/// computed too), answered by N respondents spread over 100 units, as a wide CSV
/// (<see cref="Default"/>); <see cref="SurveyBenchShape.National"/> is the same at national size.
/// </summary>
public static class SurveyBenchmarkData
{
    public const int Units = 100;

    public static Framework Framework => BuiltInFrameworks.Province2023;

    public static Questionnaire Questionnaire { get; } = Build();

    /// <summary>100 units, the 20-question questionnaire.</summary>
    public static SurveyBenchShape Default { get; } = new(Units, Questionnaire, "");

    public static SurveyColumnMapping Mapping { get; } = new() { UnitColumn = "unit" };

    /// <summary>The long shape's mapping: one row per answer (respondent, unit, question, answer).</summary>
    public static SurveyColumnMapping LongMapping { get; } = new() { Shape = ResponseShape.Long, UnitColumn = "unit" };

    private static Questionnaire Build()
    {
        var full = DemoSurvey.Questionnaire(Framework);
        var likert = full.Questions.Where(q => q.Scale is LikertScale).ToList();
        var options = full.Questions.Where(q => q.Scale is OptionScale).Take(20 - likert.Count);
        return new Questionnaire
        {
            Id = "bench-20",
            Title = "Benchmark 20 câu",
            FrameworkId = full.FrameworkId,
            RespondentGroup = full.RespondentGroup,
            Questions = [.. options, .. likert],
        };
    }

    /// <summary>Writes (once) and returns the path of a wide CSV with this many respondents.</summary>
    public static string EnsureFile(string directory, int respondents) => EnsureFile(directory, respondents, Default);

    /// <summary>Writes (once) and returns the path of a wide CSV of <paramref name="shape"/> with this many respondents.</summary>
    public static string EnsureFile(string directory, int respondents, SurveyBenchShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"survey-wide-{respondents}{shape.Name}.csv");
        if (!File.Exists(path))
        {
            var temp = path + ".tmp";
            using (var writer = new StreamWriter(temp, false, new System.Text.UTF8Encoding(false), 1 << 16))
            {
                DemoSurveyGenerator.WriteWideCsv(writer, shape.Questionnaire, shape.UnitCodes(), respondents / shape.Units, seed: 42);
            }

            File.Move(temp, path, overwrite: true);
        }

        return path;
    }

    /// <summary>
    /// Writes (once) and returns the path of the same answers in the long shape: one row per
    /// non-blank answer, about 19 rows per respondent.
    /// </summary>
    public static string EnsureLongFile(string directory, int respondents)
    {
        var wide = EnsureFile(directory, respondents);
        var path = Path.Combine(directory, $"survey-long-{respondents}.csv");
        if (!File.Exists(path))
        {
            var temp = path + ".tmp";
            using (var reader = new StreamReader(wide, new System.Text.UTF8Encoding(false), false, 1 << 16))
            using (var writer = new StreamWriter(temp, false, new System.Text.UTF8Encoding(false), 1 << 16))
            {
                var header = reader.ReadLine()!.Split(',');
                writer.Write("respondent,unit,question,answer\r\n");
                while (reader.ReadLine() is { } line)
                {
                    // The generator writes no quoted cells, so a plain split is exact here.
                    var cells = line.Split(',');
                    for (var i = 2; i < cells.Length; i++)
                    {
                        if (cells[i].Length > 0)
                        {
                            writer.Write($"{cells[0]},{cells[1]},{header[i]},{cells[i]}\r\n");
                        }
                    }
                }
            }

            File.Move(temp, path, overwrite: true);
        }

        return path;
    }
}
