using ParIndex.Core.Ranking;

namespace ParIndex.Core.Tests.Ranking;

public sealed class BandsJsonTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("null")]
    public void No_stored_scheme_is_the_default(string? json) => Assert.Same(BandScheme.Default, BandsJson.Read(json));

    [Fact]
    public void A_written_scheme_reads_back_equal()
    {
        var scheme = new BandScheme([new ResultBand("Tốt", 85m, "Tốt"), new ResultBand("Đạt", 50m)], Below: "Chưa đạt");
        var json = BandsJson.Write(scheme);
        Assert.Contains("\"minIndex\":85", json, StringComparison.Ordinal);
        var read = BandsJson.Read(json);
        Assert.Equal(scheme.Bands, read.Bands);
        Assert.Equal("Chưa đạt", read.Below);
    }

    [Fact]
    public void A_valid_scheme_has_no_problem()
    {
        Assert.Null(BandsJson.Problem(BandScheme.Default));
        Assert.Null(BandsJson.Problem(new BandScheme([new ResultBand("A", 0m), new ResultBand("B", 100m)])));
    }

    [Fact]
    public void No_band_is_a_problem()
    {
        Assert.Equal("At least one result band is needed.", BandsJson.Problem(null)?.English);
        Assert.Equal("At least one result band is needed.", BandsJson.Problem(new BandScheme(null!))?.English);
        Assert.Equal("Cần ít nhất một nhóm xếp loại.", BandsJson.Problem(new BandScheme([]))?.Vietnamese);
        Assert.Equal("At least one result band is needed.", BandsJson.Problem(new BandScheme([null!]))?.English);
    }

    [Fact]
    public void An_empty_entry_among_bands_is_a_problem() =>
        Assert.Equal("The list of result bands has an empty entry.", BandsJson.Problem(new BandScheme([new ResultBand("A", 90m), null!]))?.English);

    [Fact]
    public void Duplicate_names_and_bounds_are_listed()
    {
        var problem = BandsJson.Problem(new BandScheme([new ResultBand("A", 90m), new ResultBand("A", 90m)]));
        Assert.Equal("Tên nhóm 'A' bị trùng; Ngưỡng 90% bị trùng", problem?.Vietnamese);
        Assert.Equal("The band name 'A' is used twice; The threshold 90% is used twice", problem?.English);
    }

    [Theory]
    [InlineData("A", -0.01, true)]
    [InlineData("A", 0, false)]
    [InlineData("A", 100, false)]
    [InlineData("A", 100.01, true)]
    [InlineData(" ", 50, true)]
    [InlineData("", 50, true)]
    public void A_bound_outside_0_to_100_or_a_blank_name_is_a_problem(string name, double bound, bool problem)
    {
        var found = BandsJson.Problem(new BandScheme([new ResultBand(name, (decimal)bound)]));
        Assert.Equal(problem, found is not null);
        if (problem)
        {
            Assert.Equal($"Band \"{name}\": the name is required and the threshold must be between 0 and 100%.", found?.English);
            Assert.StartsWith($"Nhóm \"{name}\": tên bắt buộc", found?.Vietnamese, StringComparison.Ordinal);
        }
    }
}
