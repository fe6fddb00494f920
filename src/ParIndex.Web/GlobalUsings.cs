// The use cases the endpoints and pages adapt (ADR 0113).
global using ParIndex.Application.Accounts;
global using ParIndex.Application.Admin;
global using ParIndex.Application.Appraisal;
global using ParIndex.Application.Assessments;
global using ParIndex.Application.Campaigns;
global using ParIndex.Application.Demo;
global using ParIndex.Application.Documents;
global using ParIndex.Application.Evidence;
global using ParIndex.Application.Problems;
global using ParIndex.Application.Results;
global using ParIndex.Application.Signing;
global using ParIndex.Application.Surveys;
global using ParIndex.Application.Workflow;
global using ParIndex.Web.Problems;
global using ParIndex.Application.Crosswalks;
