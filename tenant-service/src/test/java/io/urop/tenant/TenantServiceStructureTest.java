package io.urop.tenant;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.urop.test.structure.ServiceStructure;

/** tenant-service keeps the structure every service keeps. */
@AnalyzeClasses(packages = "io.urop.tenant", importOptions = ImportOption.DoNotIncludeTests.class)
class TenantServiceStructureTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceStructure.class);
}
