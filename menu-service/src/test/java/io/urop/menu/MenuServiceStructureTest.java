package io.urop.menu;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.urop.test.structure.ServiceStructure;

@AnalyzeClasses(packages = "io.urop.menu", importOptions = ImportOption.DoNotIncludeTests.class)
class MenuServiceStructureTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceStructure.class);
}
