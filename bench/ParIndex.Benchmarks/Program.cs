using BenchmarkDotNet.Running;
using ParIndex.Benchmarks.Surveys;

if (args.Length > 0 && args[0] == SurveyImportMeasurement.Command)
{
    return SurveyImportMeasurement.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(SurveyImportMeasurement).Assembly).Run(args);
return 0;
