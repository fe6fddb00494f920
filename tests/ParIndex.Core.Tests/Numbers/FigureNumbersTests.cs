using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParIndex.Core.Numbers;

namespace ParIndex.Core.Tests.Numbers;

/// <summary>
/// Figures by kind (ADR 0007). The shared vectors are the rules; the same file is run against the
/// browser's parser through node, so the page refuses exactly what the server refuses.
/// </summary>
public class FigureNumbersTests
{
    private static readonly string SharedFolder = Path.Combine(AppContext.BaseDirectory, "Shared");

    public static TheoryData<string, string, string?, string?, string?, string?> Vectors()
    {
        var data = new TheoryData<string, string, string?, string?, string?, string?>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFolder, "figure-number-vectors.json")));
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            data.Add(
                v.GetProperty("kind").GetString()!,
                v.GetProperty("input").GetString()!,
                v.TryGetProperty("value", out var value) ? value.GetString() : null,
                v.TryGetProperty("display", out var display) ? display.GetString() : null,
                v.TryGetProperty("error", out var error) ? error.GetString() : null,
                v.TryGetProperty("message", out var message) ? message.GetString() : null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_server_reads_every_shared_vector(string kind, string input, string? value, string? display, string? error, string? message)
    {
        FigureReading reading;
        if (kind == "score")
        {
            reading = FigureNumbers.ReadScore(input);
            Assert.Equal(reading.IsValid, VietnameseNumbers.TryParse(input, out var score)); // the score rule is today's rule
            Assert.Equal(reading.Value ?? 0m, score);
        }
        else
        {
            Assert.True(FigureKinds.TryParse(kind, out var figureKind));
            reading = FigureNumbers.Read(input, figureKind);
        }

        if (error is not null)
        {
            Assert.False(reading.IsValid);
            Assert.Null(reading.Value);
            Assert.Equal(error, JsonNamingPolicy.CamelCase.ConvertName(reading.Error!.Value.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(reading.Message));
            Assert.False(string.IsNullOrWhiteSpace(reading.MessageEnglish));
            Assert.NotEqual(reading.Message, reading.MessageEnglish);
            if (message is not null)
            {
                Assert.Equal(message, reading.Message);
            }
        }
        else
        {
            Assert.True(reading.IsValid, reading.Message);
            Assert.Null(reading.Error);
            Assert.Equal(decimal.Parse(value!, CultureInfo.InvariantCulture), reading.Value);
            if (display is not null)
            {
                Assert.Equal(display, reading.Display);
            }
        }
    }

    [Fact]
    public void The_browser_reads_every_shared_vector_the_same_way()
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(SharedFolder, "run-figure-vectors.js"));
        start.ArgumentList.Add(Path.Combine(SharedFolder, "figure-numbers.js"));
        start.ArgumentList.Add(Path.Combine(SharedFolder, "figure-number-vectors.json"));
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEnd() + node.StandardError.ReadToEnd();
        Assert.True(node.WaitForExit(30_000), "node did not finish");
        Assert.True(node.ExitCode == 0, output);
        Assert.Contains(" vectors, 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_vectors_cover_every_kind_and_every_error()
    {
        var vectors = Vectors().Select(row => ((string)row[0], (string?)row[4])).ToList();
        Assert.All(FigureKinds.All, kind => Assert.Contains(vectors, v => v.Item1 == FigureKinds.Name(kind)));
        Assert.All(Enum.GetValues<FigureError>(), error =>
            Assert.Contains(vectors, v => v.Item2 == JsonNamingPolicy.CamelCase.ConvertName(error.ToString())));
    }

    [Theory]
    [InlineData(FigureKind.Count, "14.000")]
    [InlineData(FigureKind.Count, "14,000")]
    [InlineData(FigureKind.Count, "14 000")]
    [InlineData(FigureKind.Amount, "14.000")]
    public void Thousands_are_read_as_thousands_for_whole_figures(FigureKind kind, string text) =>
        Assert.Equal(14000m, FigureNumbers.Read(text, kind).Value);

    [Fact]
    public void An_ambiguous_decimal_says_what_it_could_be_in_both_languages()
    {
        var reading = FigureNumbers.Read("14.000", FigureKind.Decimal);
        Assert.Equal(FigureError.Ambiguous, reading.Error);
        Assert.Contains("14000", reading.MessageIn("vi"), StringComparison.Ordinal);
        Assert.Contains("không rõ nghĩa", reading.MessageIn("vi"), StringComparison.Ordinal);
        Assert.Equal(
            "\"14.000\" is ambiguous: it could be 14 (\".\" as the decimal mark) or 14000 (\".\" separating thousands). Write 14000 for the whole number or 14,0 for the decimal.",
            reading.MessageIn("en"));
    }

    [Theory]
    [InlineData(FigureKind.Count, "14922", "14.922")]
    [InlineData(FigureKind.Count, "999", "999")]
    [InlineData(FigureKind.Count, "0", "0")]
    [InlineData(FigureKind.Amount, "-2029996767557", "-2.029.996.767.557")]
    [InlineData(FigureKind.Decimal, "1.234", "1,2340")]
    [InlineData(FigureKind.Decimal, "-1.5", "-1,5")]
    [InlineData(FigureKind.Decimal, "14000", "14000")]
    [InlineData(FigureKind.Decimal, "1234.567", "1234,567")]
    [InlineData(FigureKind.Decimal, "0.125", "0,125")]
    [InlineData(FigureKind.Percent, "99.999", "99,9990")]
    [InlineData(FigureKind.Percent, "91.50", "91,5")]
    public void Stored_figures_go_back_into_their_field_so_that_they_read_the_same(FigureKind kind, string stored, string expected)
    {
        var value = decimal.Parse(stored, CultureInfo.InvariantCulture);
        var text = FigureNumbers.InputText(value, kind);
        Assert.Equal(expected, text);
        Assert.Equal(value, FigureNumbers.Read(text, kind).Value);
    }

    [Fact]
    public void Scores_keep_the_lenient_rule() =>
        Assert.True(VietnameseNumbers.TryParse("14.000", out var score) && score == 14m);

    [Theory]
    [InlineData(FigureKind.Count, "count")]
    [InlineData(FigureKind.Amount, "amount")]
    [InlineData(FigureKind.Percent, "percent")]
    [InlineData(FigureKind.Decimal, "decimal")]
    public void Kind_names_round_trip(FigureKind kind, string name)
    {
        Assert.Equal(name, FigureKinds.Name(kind));
        Assert.True(FigureKinds.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Theory]
    [InlineData("Count")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("integer")]
    public void Unknown_kind_names_are_refused(string? name) => Assert.False(FigureKinds.TryParse(name, out _));

    [Fact]
    public void Only_counts_and_amounts_are_whole()
    {
        Assert.True(FigureKinds.IsWhole(FigureKind.Count));
        Assert.True(FigureKinds.IsWhole(FigureKind.Amount));
        Assert.False(FigureKinds.IsWhole(FigureKind.Percent));
        Assert.False(FigureKinds.IsWhole(FigureKind.Decimal));
        Assert.Throws<ArgumentOutOfRangeException>(() => FigureKinds.Name((FigureKind)42));
    }
}
