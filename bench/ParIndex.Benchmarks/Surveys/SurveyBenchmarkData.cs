using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Demo;
using ParIndex.Surveys.Responses;

namespace ParIndex.Benchmarks.Surveys;

/// <summary>
/// The benchmark's survey: 20 questions of the demo questionnaire over the built-in 2023
/// provincial framework (15 A/B/C/D questions and the 5 Likert satisfaction questions, so SIPAS is
/// computed too), answered by N respondents spread over 100 units, as a wide CSV.
/// </summary>
public static class SurveyBenchmarkData
{
    public const int Units = 100;

    public static Framework Framework => BuiltInFrameworks.Province2023;

    public static Questionnaire Questionnaire { get; } = Build();

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
    public static string EnsureFile(string directory, int respondents)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"survey-wide-{respondents}.csv");
        if (!File.Exists(path))
        {
            var units = Enumerable.Range(1, Units).Select(i => $"DV{i:D3}").ToList();
            var temp = path + ".tmp";
            using (var writer = new StreamWriter(temp, false, new System.Text.UTF8Encoding(false), 1 << 16))
            {
                DemoSurveyGenerator.WriteWideCsv(writer, Questionnaire, units, respondents / Units, seed: 42);
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
