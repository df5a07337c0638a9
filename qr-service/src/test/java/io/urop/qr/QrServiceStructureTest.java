package io.urop.qr;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.urop.test.structure.ServiceStructure;

/** qr-service keeps the structure every service keeps. */
@AnalyzeClasses(packages = "io.urop.qr", importOptions = ImportOption.DoNotIncludeTests.class)
class QrServiceStructureTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceStructure.class);
}
