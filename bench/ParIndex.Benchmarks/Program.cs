using BenchmarkDotNet.Running;
using ParIndex.Benchmarks.Scoring;
using ParIndex.Benchmarks.Surveys;

if (args.Length > 0 && args[0] == SurveyImportMeasurement.Command)
{
    return SurveyImportMeasurement.Run(args);
}

if (args.Length > 0 && args[0] == SurveyDatabaseImportMeasurement.Command)
{
    return await SurveyDatabaseImportMeasurement.RunAsync(args);
}

if (args.Length > 0 && args[0] == ScoringProfile.Command)
{
    return ScoringProfile.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(SurveyImportMeasurement).Assembly).Run(args);
return 0;
